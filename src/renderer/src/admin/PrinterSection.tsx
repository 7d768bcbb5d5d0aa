/** Printer: choose (spec and paper), live status, test print, and held jobs to retry or discard. */
import { useCallback, useEffect, useState } from 'react'
import type { IpcResponse, StampsKioskApi } from '../../../shared/ipc'
import type { PrintJob } from '../../../shared/receipt/printer-status'
import { Field } from '../common/Field'
import { Select } from '../common/Select'
import { useT, type StringKey } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { useFieldError } from './AdminPanel'

const POLL_MS = 3_000

export function PrinterSection({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const s = useAdminStore()
  const err = useFieldError()
  const [status, setStatus] = useState<IpcResponse<'printer:status'> | null>(null)
  const [held, setHeld] = useState<PrintJob[]>([])
  const [test, setTest] = useState<PrintJob | null>(null)
  const refresh = useCallback(async () => {
    const [st, jobs] = await Promise.all([
      api.invoke('printer:status', {}),
      api.invoke('printer:jobs', { state: 'held', limit: 10 })
    ])
    if (st.ok) setStatus(st.data)
    if (jobs.ok) setHeld(jobs.data.jobs)
  }, [api])
  useEffect(() => {
    void refresh()
    const timer = setInterval(() => void refresh(), POLL_MS)
    const off = api.on('printer:job', (job) => {
      setTest((cur) => (cur?.id === job.id ? job : cur))
      void refresh()
    })
    return () => (clearInterval(timer), off())
  }, [api, refresh])
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
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void api.invoke('printer:test', {}).then((r) => (r.ok ? setTest(r.data) : setTest(null)))}
      >
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
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void api.invoke('printer:retry', { id: j.id }).then(refresh)}
              >
                {t('admin.retryJob')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void api.invoke('printer:discard', { id: j.id }).then(refresh)}
              >
                {t('admin.discardJob')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
