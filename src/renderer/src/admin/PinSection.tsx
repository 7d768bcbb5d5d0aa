/** New cashier and admin PINs; the factory PINs are flagged until both are changed. */
import { useState } from 'react'
import { isPinFormat, type Role, type StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { useAuthStore } from '../stores/auth-store'

export function PinSection({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const { busy, pinSaved, setPin } = useAdminStore()
  const defaults = useAuthStore((a) => a.auth?.defaultPins)
  const [role, setRole] = useState<Role>('cashier')
  const [pin, setPinText] = useState('')
  const [bad, setBad] = useState(false)
  return (
    <form
      className="admin__section admin__pins"
      aria-labelledby="pins-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (!isPinFormat(pin)) return setBad(true)
        void setPin(api, role, pin).then(() => setPinText(''))
      }}
    >
      <h3 id="pins-title">{t('admin.pins')}</h3>
      {(defaults?.cashier || defaults?.admin) && <p className="note note--warn">{t('admin.defaultPins')}</p>}
      <div className="segmented" role="group" aria-label={t('admin.pinRole')}>
        {(['cashier', 'admin'] as const).map((r) => (
          <button
            key={r}
            type="button"
            className="button segmented__option"
            aria-pressed={role === r}
            onClick={() => setRole(r)}
          >
            {t(r === 'cashier' ? 'admin.pinRole.cashier' : 'admin.pinRole.admin')}
          </button>
        ))}
      </div>
      <Field
        label={t('admin.newPin')}
        type="password"
        inputMode="numeric"
        maxLength={8}
        value={pin}
        onChange={(v) => (setPinText(v), setBad(false))}
        error={bad ? t('pin.format') : null}
        name="new-pin"
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('admin.setPin')}
      </button>
      {pinSaved && (
        <p className="note note--good" role="status">
          {t('admin.pinSaved')}
        </p>
      )}
    </form>
  )
}
