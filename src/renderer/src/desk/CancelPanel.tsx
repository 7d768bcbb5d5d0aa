/** Cancel a sale: the stamps to be taken back first, then confirm; Stamps' refusals explained. */
import { useEffect } from 'react'
import type { MemberView, StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { formatCount, formatRupiah, formatSaleDay } from '../format/format'
import { useT } from '../i18n'
import { useCancelStore } from '../stores/cancel-store'
import { useDeskMemberStore } from '../stores/desk-member-store'
import { useLanguageStore } from '../stores/language-store'

export function CancelPanel({ api, member }: { api: StampsKioskApi; member: MemberView }): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const s = useCancelStore()
  const n = (v: number | null): string => (v === null ? '—' : formatCount(v, lang))
  useEffect(() => {
    if (s.result) void useDeskMemberStore.getState().refresh(api)
  }, [api, s.result])
  const insufficient =
    s.error?.code === 'validation' && s.error.fields?.some(([f, m]) => f === 'info' && /insufficient/i.test(m))
  return (
    <section className="cancel" aria-labelledby="cancel-title">
      <h2 id="cancel-title" className="panel__title">
        {t('cancel.title')}
      </h2>
      <form className="form-row" noValidate onSubmit={(e) => (e.preventDefault(), void s.find(api, member.user))}>
        <Field
          label={t('cancel.invoice')}
          hint={t('cancel.invoiceHint')}
          value={s.query}
          onChange={s.setQuery}
          name="cancel-query"
          error={s.queryError ? t(`sale.err.${s.queryError}`) : null}
        />
        <button type="submit" className="button button--primary" disabled={s.busy}>
          {t('cancel.find')}
        </button>
      </form>
      {s.preview && (
        <div className="confirm" role="group" aria-labelledby="cancel-preview-title" data-testid="cancel-preview">
          <h3 id="cancel-preview-title">{t('cancel.previewTitle', { invoice: s.preview.invoiceNumber })}</h3>
          <p className="note" data-testid="cancel-sale-day">
            {t('cancel.saleDay', { date: formatSaleDay(s.preview.date, lang) })}
          </p>
          <dl className="figures">
            <div>
              <dt>{t('cancel.takeBack')}</dt>
              <dd data-testid="cancel-take-back">{n(s.preview.stampsToTakeBack)}</dd>
            </div>
            <div>
              <dt>{t('cancel.stampsNow')}</dt>
              <dd>{n(s.preview.stampsNow)}</dd>
            </div>
            {s.preview.value !== null && (
              <div>
                <dt>{t('sale.total')}</dt>
                <dd>{formatRupiah(s.preview.value)}</dd>
              </div>
            )}
          </dl>
          {s.preview.alreadyCanceled && <p className="note note--warn">{t('cancel.already')}</p>}
          {s.preview.enoughStamps === false && <p className="note note--warn">{t('cancel.notEnough')}</p>}
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void s.confirm(api)}
              disabled={s.busy || s.preview.alreadyCanceled}
            >
              {t('cancel.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={s.back}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {insufficient && (
        <p className="note note--bad" role="alert" data-testid="cancel-insufficient">
          {t('cancel.insufficient')}
        </p>
      )}
      <ErrorNote error={s.error} testId="cancel-error" />
      {s.result && (
        <p className="note note--good" role="status" data-testid="cancel-result">
          {t('cancel.done', { taken: n(s.result.stampsTakenBack), remaining: n(s.result.stampsRemaining) })}
        </p>
      )}
    </section>
  )
}
