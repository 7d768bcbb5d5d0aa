/** Fix a refused sale: member, invoice and sums prefilled from the queue; only changes are sent. */
import { useState } from 'react'
import type { OutboxItem, StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { useT } from '../i18n'
import { useQueueStore } from '../stores/queue-store'
import { parseRupiah } from './sale-form'

const FIELDS = [
  ['user', 'queue.fix.user'],
  ['invoiceNumber', 'sale.invoice'],
  ['totalValue', 'sale.total']
] as const

export function QueueFixForm({ api, item }: { api: StampsKioskApi; item: OutboxItem }): React.JSX.Element {
  const t = useT()
  const { busy, resend, edit } = useQueueStore()
  const initial = { user: item.user, invoiceNumber: item.invoiceNumber, totalValue: String(item.totalValue) }
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const fieldError = (f: string): string | undefined => errors[f] ?? item.fieldErrors.find(([k]) => k === f)?.[1]

  const submit = (): void => {
    const e: Record<string, string> = {}
    if (values.user.trim() === '') e.user = t('sale.err.required')
    if (values.invoiceNumber.trim() === '') e.invoiceNumber = t('sale.err.required')
    const total = parseRupiah(values.totalValue)
    if (typeof total !== 'number') e.totalValue = t(total === 'empty' ? 'sale.err.required' : 'sale.err.amount')
    setErrors(e)
    if (Object.keys(e).length > 0 || typeof total !== 'number') return
    const fix = {
      ...(values.user.trim() !== item.user && { user: values.user.trim() }),
      ...(values.invoiceNumber.trim() !== item.invoiceNumber && { invoiceNumber: values.invoiceNumber.trim() }),
      ...(total !== item.totalValue && { totalValue: total })
    }
    void resend(api, item.id, fix)
  }

  return (
    <form
      className="queue-fix"
      noValidate
      aria-label={t('queue.fixTitle', { invoice: item.invoiceNumber })}
      onSubmit={(e) => (e.preventDefault(), submit())}
    >
      {FIELDS.map(([f, label]) => (
        <Field
          key={f}
          label={t(label)}
          value={values[f]}
          onChange={(v) => setValues({ ...values, [f]: v })}
          error={fieldError(f)}
          name={`fix-${f}`}
        />
      ))}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('queue.resend')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => edit(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
