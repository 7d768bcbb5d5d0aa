/** Today's sales at this store: each sale with its state, the day's totals, reprint or cancel from a row, the shift slip. */
import { Fragment, useEffect } from 'react'
import type { StampsKioskApi, TodaySale } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { formatCount, formatRupiah, formatSaleDay, formatTimeOfDay } from '../format/format'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useTodayStore } from '../stores/today-store'
import { TodayCancelConfirm } from './TodayCancelConfirm'

export function TodayPanel({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const s = useTodayStore()
  useEffect(() => {
    void useTodayStore.getState().load(api)
  }, [api])
  const n = (v: number | null): string => (v === null ? '—' : formatCount(v, lang))
  const notice =
    s.notice?.kind === 'reprinted'
      ? t('today.reprinted', { invoice: s.notice.invoice })
      : s.notice?.kind === 'cancelled'
        ? t('today.cancelled', { invoice: s.notice.invoice, taken: n(s.notice.taken) })
        : s.notice?.kind === 'summary'
          ? t('today.summaryPrinted')
          : ''
  const actions = (sale: TodaySale): React.JSX.Element => (
    <div className="today__actions">
      {sale.state !== 'discarded' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void s.reprint(api, sale)}
          disabled={s.busy}
        >
          {t('today.reprint')}
        </button>
      )}
      {sale.state === 'posted' && (
        <button
          type="button"
          className="button button--danger"
          onClick={() => void s.askCancel(api, sale)}
          disabled={s.busy}
        >
          {t('today.cancel')}
        </button>
      )}
    </div>
  )
  const data = s.data
  return (
    <section className="today" aria-labelledby="today-title">
      <h2 id="today-title" className="panel__title">
        {t('today.title')}
      </h2>
      {data && <p className="note">{t('today.day', { store: data.store, date: formatSaleDay(data.date, lang) })}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void s.printSummary(api)}
          disabled={s.busy}
        >
          {t('today.printSummary')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void s.load(api)}>
          {t('today.reload')}
        </button>
      </div>
      <p role="status" className="today__notice" data-testid="today-notice">
        {s.loading && !data ? t('today.loading') : notice}
      </p>
      <ErrorNote error={s.error} testId="today-error" />
      {data && (
        <dl className="figures" data-testid="today-totals">
          <div>
            <dt>{t('today.takings')}</dt>
            <dd data-testid="today-takings">{formatRupiah(data.totals.takings.value)}</dd>
          </div>
          <div>
            <dt>{t('today.totals')}</dt>
            <dd>{t('today.count', { n: n(data.totals.takings.count) })}</dd>
          </div>
          <div>
            <dt>{t('today.stampsIssued')}</dt>
            <dd>{n(data.totals.stamps)}</dd>
          </div>
        </dl>
      )}
      {data && data.sales.length === 0 && <p className="note">{t('today.empty')}</p>}
      {data && data.sales.length > 0 && (
        <table className="today__table">
          <thead>
            <tr>
              <th scope="col">{t('today.col.time')}</th>
              <th scope="col">
                {t('today.col.invoice')} / {t('today.col.member')}
              </th>
              <th scope="col">
                {t('today.col.total')} / {t('today.col.stamps')}
              </th>
              <th scope="col">{t('today.col.state')}</th>
              <th scope="col">{t('today.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.sales.map((sale) => (
              <Fragment key={sale.outboxId}>
                <tr data-testid="today-sale" data-invoice={sale.invoiceNumber} data-state={sale.state}>
                  <td>{formatTimeOfDay(sale.at, lang)}</td>
                  <td className="today__wrap">
                    <strong>{sale.invoiceNumber}</strong>
                    <span className="today__sub">{sale.memberName ?? sale.user}</span>
                  </td>
                  <td className="today__num">
                    {formatRupiah(sale.total)}
                    {sale.stamps !== null && (
                      <span className="today__sub">{t('today.stampsN', { n: n(sale.stamps) })}</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge badge--${sale.state}`}>{t(`today.state.${sale.state}`)}</span>
                  </td>
                  <td>{actions(sale)}</td>
                </tr>
                {s.confirming?.sale.outboxId === sale.outboxId && (
                  <tr>
                    <td colSpan={5}>
                      <TodayCancelConfirm api={api} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
