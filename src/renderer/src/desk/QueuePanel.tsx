/** The queue: pending and failed sales with their field errors; fix and resend, or discard. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { formatRupiah } from '../format/format'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { hasRole, useAuthStore } from '../stores/auth-store'
import { openItems, useQueueStore } from '../stores/queue-store'
import { PinGate } from './PinGate'
import { QueueFixForm } from './QueueFixForm'

export function QueuePanel({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const s = useQueueStore()
  const cashier = hasRole(
    useAuthStore((a) => a.auth),
    'cashier'
  )
  const items = openItems(s.items)
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" className="panel__title">
        {t('queue.title')}
      </h2>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void s.retryNow(api)}>
          {t('queue.retryNow')}
        </button>
      </div>
      {s.loaded && items.length === 0 && <p className="note">{t('queue.empty')}</p>}
      <ul className="queue__list">
        {items.map((i) => (
          <li
            key={i.id}
            className="queue-item"
            data-testid="queue-item"
            data-state={i.state}
            data-invoice={i.invoiceNumber}
          >
            <div className="queue-item__head">
              <strong>{i.invoiceNumber}</strong>{' '}
              <span className={`badge badge--${i.state}`}>{t(`queue.state.${i.state}` as StringKey)}</span>
            </div>
            <p className="queue-item__line">
              {i.user} · {formatRupiah(i.totalValue)} · {t('queue.attempts', { n: i.attempts })}
            </p>
            {i.lastError && <p className="queue-item__line">{i.lastError}</p>}
            {i.fieldErrors.length > 0 && (
              <ul className="error-note__fields" aria-label={t('queue.fieldErrors')}>
                {i.fieldErrors.map(([f, m]) => (
                  <li key={f + m}>
                    {f}: {m}
                  </li>
                ))}
              </ul>
            )}
            {i.state === 'failed' && cashier && s.editing !== i.id && (
              <div className="button-row">
                <button type="button" className="button button--primary" onClick={() => s.edit(i.id)}>
                  {t('queue.fix')}
                </button>
                {s.confirmDiscard === i.id ? (
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => void s.discard(api, i.id)}
                    disabled={s.busy}
                  >
                    {t('queue.discardConfirm')}
                  </button>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => s.askDiscard(i.id)}>
                    {t('queue.discard')}
                  </button>
                )}
              </div>
            )}
            {s.editing === i.id && <QueueFixForm api={api} item={i} />}
          </li>
        ))}
      </ul>
      <ErrorNote error={s.error} testId="queue-error" />
      {!cashier && items.some((i) => i.state === 'failed') && (
        <PinGate api={api} role="cashier">
          {null}
        </PinGate>
      )}
    </section>
  )
}
