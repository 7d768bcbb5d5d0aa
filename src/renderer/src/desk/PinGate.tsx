/**
 * Shows its children only while main holds a session for `role`; otherwise a PIN form. The
 * check that matters runs in main (every guarded channel); this only saves a refused call.
 */
import { useState, type ReactNode } from 'react'
import { isPinFormat, type Role, type StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { NumericKeypad } from '../common/NumericKeypad'
import { useUntil } from '../common/use-until'
import { useT } from '../i18n'
import { hasRole, useAuthStore } from '../stores/auth-store'

export function PinGate({
  api,
  role,
  children
}: {
  api: StampsKioskApi
  role: Role
  children: ReactNode
}): React.JSX.Element {
  const t = useT()
  const { auth, unlocking, error, unlock } = useAuthStore()
  const [pin, setPin] = useState('')
  const lockedOut = useUntil(auth?.lockedUntil)
  if (hasRole(auth, role)) return <>{children}</>
  const wrong =
    error?.code === 'invalid-input'
      ? t('pin.wrong', { left: error.fields?.find(([f]) => f === 'pin')?.[1] ?? '' })
      : null
  const locked = error?.code === 'forbidden' || lockedOut ? t('pin.locked') : null
  const badFormat = pin !== '' && !isPinFormat(pin)
  return (
    <form
      className="pin-form"
      aria-labelledby="pin-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (unlocking || !isPinFormat(pin)) return
        void unlock(api, role, pin).then(() => setPin(''))
      }}
    >
      <h2 id="pin-title" className="panel__title">
        {role === 'admin' ? t('pin.adminTitle') : t('pin.cashierTitle')}
      </h2>
      <Field
        label={role === 'admin' ? t('pin.adminLabel') : t('pin.cashierLabel')}
        type="password"
        inputMode="numeric"
        value={pin}
        onChange={setPin}
        maxLength={8}
        name={`${role}-pin`}
        error={badFormat ? t('pin.format') : (locked ?? wrong)}
      />
      <NumericKeypad value={pin} onChange={setPin} maxLength={8} />
      <button type="submit" className="button button--primary" disabled={unlocking}>
        {t('pin.unlock')}
      </button>
    </form>
  )
}
