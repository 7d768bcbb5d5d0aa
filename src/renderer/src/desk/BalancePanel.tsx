/** Balance credit and debit behind the cashier PIN: confirm, new balance, one-tap cancel, unknowns. */
import { useEffect } from 'react'
import type { MemberView, StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { formatRupiah } from '../format/format'
import { useT } from '../i18n'
import { useBalanceStore } from '../stores/balance-store'
import { useDeskMemberStore } from '../stores/desk-member-store'
import { BalanceOutcome } from './BalanceOutcome'

export function BalancePanel({ api, member }: { api: StampsKioskApi; member: MemberView }): React.JSX.Element {
  const t = useT()
  const s = useBalanceStore()
  useEffect(() => void useBalanceStore.getState().loadLast(api), [api])
  useEffect(() => {
    if (s.outcome?.outcome === 'posted' || s.canceled) void useDeskMemberStore.getState().refresh(api)
  }, [api, s.outcome, s.canceled])
  return (
    <section className="balance" aria-labelledby="balance-title">
      <h2 id="balance-title" className="panel__title">
        {t('balance.title')}
      </h2>
      <p>{t('balance.current', { amount: formatRupiah(member.balance) })}</p>
      {s.confirm ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby="balance-confirm-title"
          aria-describedby="balance-confirm-body"
        >
          <h3 id="balance-confirm-title">{t('balance.confirmTitle')}</h3>
          <p id="balance-confirm-body">
            {t(s.confirm.direction === 'credit' ? 'balance.confirmCredit' : 'balance.confirmDebit', {
              amount: formatRupiah(s.confirm.amount),
              name: member.name
            })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void s.send(api, member.user)}
              disabled={s.busy}
            >
              {s.busy ? t('balance.sending') : t('balance.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={s.dismiss} disabled={s.busy}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form className="balance__form" noValidate onSubmit={(e) => (e.preventDefault(), s.ask('credit'))}>
          <Field
            label={t('balance.amount')}
            value={s.amount}
            onChange={s.setAmount}
            inputMode="numeric"
            name="balance-amount"
            error={s.amountError ? t(`sale.err.${s.amountError}`) : null}
          />
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => s.ask('credit')}>
              {t('balance.credit')}
            </button>
            <button type="button" className="button button--primary" onClick={() => s.ask('debit')}>
              {t('balance.debit')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={s.error} testId="balance-error" />
      <BalanceOutcome api={api} />
      {s.canceled && (
        <p className="note note--good" role="status" data-testid="balance-canceled">
          {t('balance.canceled', {
            amount: formatRupiah(s.canceled.amount),
            balance: s.canceled.balance === null ? '—' : formatRupiah(s.canceled.balance)
          })}
        </p>
      )}
      {s.last && s.last.user === member.user && (
        <div className="balance__last">
          <p>
            {t(s.last.direction === 'credit' ? 'balance.lastCredit' : 'balance.lastDebit', {
              amount: formatRupiah(s.last.amount)
            })}
          </p>
          {s.last.cancelable && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void s.cancelLast(api)}
              disabled={s.busy}
            >
              {t('balance.cancelLast')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
