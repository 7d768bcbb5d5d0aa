/** New sale: invoice, items, the sums checked before submit, and the "will earn N stamps" preview. */
import { useEffect } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { formatCount } from '../format/format'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useSaleStore } from '../stores/sale-store'
import { ItemRows } from './ItemRows'

const SUMS = [
  ['subtotal', 'sale.subtotal'],
  ['discount', 'sale.discount'],
  ['serviceCharge', 'sale.serviceCharge'],
  ['tax', 'sale.tax'],
  ['total', 'sale.total']
] as const

export function SaleForm({ api, user }: { api: StampsKioskApi; user: string }): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const { draft, errors, serverErrors, error, preview, submitting, setField, submit } = useSaleStore()
  const errorOf = (field: string): string | undefined =>
    errors[field]
      ? t(`sale.err.${errors[field]}` as StringKey)
      : serverErrors[field === 'total' ? 'totalValue' : field === 'invoice' ? 'invoiceNumber' : field]

  useEffect(() => {
    const timer = setTimeout(() => void useSaleStore.getState().loadPreview(api, user), 250)
    return () => clearTimeout(timer)
  }, [api, user, draft.total])

  return (
    <form
      className="sale-form"
      aria-labelledby="sale-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit(api, user)
      }}
    >
      <h2 id="sale-title" className="panel__title">
        {t('sale.title')}
      </h2>
      <Field
        label={t('sale.invoice')}
        hint={t('sale.invoiceHint')}
        value={draft.invoice}
        onChange={(v) => setField('invoice', v)}
        error={errorOf('invoice')}
        maxLength={120}
        name="invoice"
      />
      <ItemRows />
      <div className="sums">
        {SUMS.map(([field, label]) => (
          <Field
            key={field}
            label={t(label)}
            value={draft[field]}
            onChange={(v) => setField(field, v)}
            error={errorOf(field)}
            inputMode="numeric"
            name={field}
          />
        ))}
      </div>
      <div className="sale-form__footer">
        <p className="sale-form__preview" role="status" data-testid="sale-preview">
          {preview !== null ? t('sale.willEarn', { n: formatCount(preview, lang) }) : ''}
        </p>
        <ErrorNote error={error} testId="sale-error" />
        <button
          type="submit"
          className="button button--primary sale-form__submit"
          disabled={submitting}
          aria-disabled={submitting}
        >
          {submitting ? t('sale.submitting') : t('sale.submit')}
        </button>
      </div>
    </form>
  )
}
