/** What became of the sale: posted (stamps earned and remaining), queued, or posted before. */
import { useEffect, useRef } from 'react'
import type { SaleResult as Result, StampsKioskApi } from '../../../shared/ipc'
import { formatCount } from '../format/format'
import { useT } from '../i18n'
import { useDeskMemberStore } from '../stores/desk-member-store'
import { useLanguageStore } from '../stores/language-store'
import { useSaleStore } from '../stores/sale-store'
import { ReceiptPreview } from './ReceiptPreview'

export function SaleResult({
  api,
  result,
  onNew
}: {
  api: StampsKioskApi
  result: Result
  onNew: () => void
}): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const { receipt, printState, reprint } = useSaleStore()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
    // The member's stamps changed (or will): show the new figures beside the result.
    void useDeskMemberStore.getState().refresh(api)
  }, [api])
  const title =
    result.state === 'posted'
      ? t('sale.result.posted')
      : result.state === 'queued'
        ? t('sale.result.queued')
        : t('sale.result.already')
  return (
    <section
      className="sale-result"
      aria-labelledby="sale-result-title"
      data-state={result.state}
      data-testid="sale-result"
    >
      <h2 id="sale-result-title" ref={heading} tabIndex={-1} className="panel__title">
        {title}
      </h2>
      <p className="sale-result__invoice">{t('sale.result.invoice', { invoice: result.invoiceNumber })}</p>
      {result.state === 'queued' && <p className="note note--warn">{t('sale.result.queuedBody')}</p>}
      {result.state === 'already-posted' && <p className="note note--warn">{t('sale.result.alreadyBody')}</p>}
      {result.stampsEarned !== null && (
        <dl className="figures">
          <div>
            <dt>{t('sale.result.earned')}</dt>
            <dd data-testid="stamps-earned">{formatCount(result.stampsEarned, lang)}</dd>
          </div>
          <div>
            <dt>{t('sale.result.remaining')}</dt>
            <dd data-testid="stamps-remaining">
              {result.stampsRemaining === null ? '—' : formatCount(result.stampsRemaining, lang)}
            </dd>
          </div>
        </dl>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void reprint(api)}
          disabled={printState === 'printing'}
        >
          {result.state === 'already-posted' ? t('sale.result.reprintAlready') : t('sale.result.reprint')}
        </button>
        <button type="button" className="button button--primary" onClick={onNew}>
          {t('sale.result.new')}
        </button>
      </div>
      <p role="status" className="sale-result__print">
        {printState === 'printed'
          ? t('sale.result.printed')
          : printState === 'failed'
            ? t('sale.result.printFailed')
            : ''}
      </p>
      {receipt && <ReceiptPreview lines={receipt} />}
    </section>
  )
}
