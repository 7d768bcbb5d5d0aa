/** The answer to a credit or debit: the new balance, or "unknown, check history" with a re-check. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { formatRupiah } from '../format/format'
import { useT } from '../i18n'
import { useBalanceStore } from '../stores/balance-store'

export function BalanceOutcome({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const { outcome, busy, reconcile } = useBalanceStore()
  if (!outcome) return null
  if (outcome.outcome === 'posted') {
    return (
      <div className="note note--good" role="status" data-testid="balance-outcome" data-outcome="posted">
        <p>
          {t(outcome.direction === 'credit' ? 'balance.credited' : 'balance.debited', {
            amount: formatRupiah(outcome.amount)
          })}
        </p>
        <p>
          {t('balance.newBalance')}{' '}
          <strong data-testid="balance-new">{outcome.balance === null ? '—' : formatRupiah(outcome.balance)}</strong>
        </p>
        {outcome.reconciled && <p>{t('balance.reconciled')}</p>}
        {outcome.slipJobId !== null && <p>{t('balance.slipPrinted')}</p>}
      </div>
    )
  }
  if (outcome.outcome === 'not-posted') {
    return (
      <div className="note note--warn" role="status" data-testid="balance-outcome" data-outcome="not-posted">
        <p>{t('balance.notPosted', { amount: formatRupiah(outcome.amount) })}</p>
      </div>
    )
  }
  return (
    <div className="note note--bad" role="alert" data-testid="balance-outcome" data-outcome="unknown">
      <p>
        <strong>{t('balance.unknownTitle')}</strong>{' '}
        {t('balance.unknownBody', { amount: formatRupiah(outcome.amount) })}
      </p>
      <button type="button" className="button button--secondary" onClick={() => void reconcile(api)} disabled={busy}>
        {t('balance.checkAgain')}
      </button>
    </div>
  )
}
