/** Printer: choose (spec and paper), live status, test print, and held jobs to retry or discard. */
import { useEffect } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { Select } from '../common/Select'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { resetPrinterAdminStore, usePrinterAdminStore } from '../stores/printer-admin-store'
import { specModel, withSpecModel } from './spec-model'
import { useFieldError } from './use-field-error'

const POLL_MS = 3_000

export function PrinterSection({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const s = useAdminStore()
  const err = useFieldError()
  const { status, models, held, test, loadModels, refresh, testPrint, retry, discard, jobChanged } =
    usePrinterAdminStore()
  useEffect(() => {
    void loadModels(api)
    void refresh(api)
    const timer = setInterval(() => void refresh(api), POLL_MS)
    const off = api.on('printer:job', (job) => {
      jobChanged(job)
      void refresh(api)
    })
    return () => {
      clearInterval(timer)
      off()
      // The view belongs to this section: it starts empty each time the section opens.
      resetPrinterAdminStore()
    }
  }, [api, loadModels, refresh, jobChanged])
  const d = s.draft
  if (!d) return null
  return (
    <fieldset className="admin__section">
      <legend>{t('admin.printer')}</legend>
      <Field
        label={t('admin.printerSpec')}
        hint={t('admin.printerHint')}
        value={d.printer}
        onChange={(v) => s.set('printer', v)}
        error={err('printer')}
        name="printer"
      />
      {d.printer.trim() !== '' && (
        <Select
          label={t('admin.printerModel')}
          value={specModel(d.printer)}
          onChange={(v) => s.set('printer', withSpecModel(d.printer, v))}
          name="printer-model"
          options={[
            ['', t('admin.genericModel')],
            ...models.map((m) => [m.id, t('admin.modelColumns', { name: m.name, columns: m.columns })] as const)
          ]}
        />
      )}
      <Select
        label={t('admin.paper')}
        value={d.paperWidth}
        onChange={(v) => s.set('paperWidth', v)}
        name="paper"
        options={[
          ['58', '58 mm'],
          ['80', '80 mm']
        ]}
      />
      <p role="status" data-testid="printer-live">
        {t('status.printer')}:{' '}
        {status
          ? `${t(`device.${status.state}` as StringKey)} · ${t('admin.paperState', { paper: status.paper })}`
          : '…'}
      </p>
      <button type="button" className="button button--secondary" onClick={() => void testPrint(api)}>
        {t('admin.testPrint')}
      </button>
      {test && (
        <p data-testid="printer-test">
          {t('admin.testJob', { id: test.id, state: t(`job.${test.state}` as StringKey) })}
        </p>
      )}
      {held.length > 0 && (
        <ul className="admin__jobs" aria-label={t('admin.heldJobs')}>
          {held.map((j) => (
            <li key={j.id}>
              #{j.id} {j.label ?? j.kind}: {j.reason}
              <button type="button" className="button button--secondary" onClick={() => void retry(api, j.id)}>
                {t('admin.retryJob')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void discard(api, j.id)}>
                {t('admin.discardJob')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
