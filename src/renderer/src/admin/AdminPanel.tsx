/** Admin settings behind the admin PIN: upstream, store, printer, scanner, kiosk, language, PINs. */
import { useEffect } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { Select } from '../common/Select'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { PinSection } from './PinSection'
import { PrinterSection } from './PrinterSection'
import { ScannerSection } from './ScannerSection'
import { UpstreamSection } from './UpstreamSection'
import { useFieldError } from './use-field-error'

export function AdminPanel({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const s = useAdminStore()
  const err = useFieldError()
  useEffect(() => void useAdminStore.getState().load(api), [api])
  if (!s.draft || !s.view) return <p role="status">{s.error ? s.error.message : t('activities.loading')}</p>
  const d = s.draft
  return (
    <div className="admin">
      <form
        className="admin__form"
        aria-labelledby="admin-title"
        noValidate
        onSubmit={(e) => (e.preventDefault(), void s.save(api))}
      >
        <h2 id="admin-title" className="panel__title">
          {t('admin.title')}
        </h2>
        <UpstreamSection api={api} />
        <fieldset className="admin__section">
          <legend>{t('admin.store')}</legend>
          <Field
            label={t('admin.merchant')}
            value={d.merchant}
            onChange={(v) => s.set('merchant', v)}
            error={err('merchant')}
            inputMode="numeric"
            name="merchant"
          />
          <Field
            label={t('admin.storeId')}
            value={d.store}
            onChange={(v) => s.set('store', v)}
            error={err('store')}
            inputMode="numeric"
            name="store"
          />
        </fieldset>
        <PrinterSection api={api} />
        <ScannerSection api={api} />
        <fieldset className="admin__section">
          <legend>{t('admin.kiosk')}</legend>
          <Select
            label={t('admin.mode')}
            value={d.mode}
            onChange={(v) => s.set('mode', v)}
            name="mode"
            options={[
              ['kiosk', t('admin.mode.kiosk')],
              ['cashier', t('admin.mode.cashier')]
            ]}
          />
          <Field
            label={t('admin.idle')}
            value={d.idle}
            onChange={(v) => s.set('idle', v)}
            error={err('kiosk.idleTimeoutSeconds')}
            inputMode="numeric"
            name="idle"
          />
          <Select
            label={t('admin.language')}
            value={d.language}
            onChange={(v) => s.set('language', v)}
            name="language"
            options={[
              ['id', 'Bahasa Indonesia'],
              ['en', 'English']
            ]}
          />
        </fieldset>
        <ErrorNote error={s.error} testId="admin-error" />
        {s.saved && (
          <p className="note note--good" role="status" data-testid="admin-saved">
            {t('admin.saved')}{' '}
            {s.view.restartNeeded ? t('admin.restart', { fields: s.view.restartFields.join(', ') }) : ''}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={s.busy}>
          {t('admin.save')}
        </button>
      </form>
      <PinSection api={api} />
    </div>
  )
}
