/** Scanner: choose the spec, and a live test showing each read's raw report and decoded value. */
import { useEffect, useRef } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { useFieldError } from './use-field-error'

export function ScannerSection({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const s = useAdminStore()
  const err = useFieldError()
  const off = useRef<(() => void) | null>(null)
  // Leaving the screen ends the test: the raw stream is an admin tool, never left running.
  useEffect(
    () => () => {
      off.current?.()
      if (useAdminStore.getState().scannerTesting) void useAdminStore.getState().stopScannerTest(api)
    },
    [api]
  )
  const d = s.draft
  if (!d) return null
  const toggle = async (): Promise<void> => {
    if (s.scannerTesting) {
      off.current?.()
      off.current = null
      await s.stopScannerTest(api)
    } else {
      off.current = await s.startScannerTest(api)
    }
  }
  return (
    <fieldset className="admin__section">
      <legend>{t('admin.scanner')}</legend>
      <Field
        label={t('admin.scannerSpec')}
        hint={t('admin.scannerHint')}
        value={d.scanner}
        onChange={(v) => s.set('scanner', v)}
        error={err('scanner')}
        name="scanner"
      />
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void toggle()}
        aria-pressed={s.scannerTesting}
      >
        {s.scannerTesting ? t('admin.scanStop') : t('admin.scanStart')}
      </button>
      {s.scannerTesting && <p role="status">{t('admin.scanPrompt')}</p>}
      <ol className="admin__reads" aria-label={t('admin.scanReads')} data-testid="scanner-reads">
        {s.reads.map((r, i) => (
          <li key={`${s.reads.length - i}`}>
            <span>{t('admin.scanDecoded')}: </span>
            <strong data-testid="scan-decoded">{r.decoded ?? t('admin.scanDropped', { why: r.dropped ?? '?' })}</strong>
            <code className="admin__hex">
              {r.source}: {r.hex || '—'}
              {r.detail && ` (${r.detail})`}
            </code>
          </li>
        ))}
      </ol>
    </fieldset>
  )
}
