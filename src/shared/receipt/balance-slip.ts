/** The balance slip: a credit, debit or cancel, with the member's new balance, for the customer. */
import { z } from 'zod'
import { translate, type Language, type StringKey } from '../i18n'
import { formatRupiah } from '../money'
import { formatJakarta } from './jakarta-time'
import { type Columns, columnsSchema, receiptSchema, type Receipt, type ReceiptItemInput } from './receipt-model'

export const balanceSlipSchema = z.object({
  merchant_name: z.string().min(1),
  kind: z.enum(['credit', 'debit', 'cancel']),
  amount: z.number(),
  /** The balance after the change; null when Stamps could not say (the slip says so). */
  balance: z.number().nullable(),
  /** What a person quotes to find the update: its id or transaction number. */
  reference: z.string().nullable(),
  printed_at: z.union([z.iso.datetime({ offset: true }), z.date()])
})
export type BalanceSlipInput = z.input<typeof balanceSlipSchema>

/** Money hazard: the printed balance is Stamps' own figure, never one computed here. */
export function balanceSlip(
  input: BalanceSlipInput,
  options: { columns?: Columns; language?: Language } = {}
): Receipt {
  const s = balanceSlipSchema.parse(input)
  // Indonesian when not given (unlike the sale templates): the live printer always passes one.
  const l = (key: StringKey): string => translate(options.language ?? 'id', key)
  const row = (label: string, value: string, bold = false): ReceiptItemInput => ({ type: 'row', label, value, bold })
  const sign = s.kind === 'debit' ? '-' : s.kind === 'credit' ? '+' : ''
  const items: ReceiptItemInput[] = [
    { type: 'text', text: s.merchant_name, align: 'center', bold: true },
    { type: 'text', text: l(`receipt.balanceSlip.${s.kind}`), align: 'center' },
    { type: 'separator', char: '-' },
    row(l('receipt.balanceSlip.amount'), `${sign}${formatRupiah(s.amount)}`),
    row(
      l('receipt.balanceSlip.newBalance'),
      s.balance === null ? l('receipt.balanceSlip.unknown') : formatRupiah(s.balance),
      true
    ),
    ...(s.reference ? [row(l('receipt.balanceSlip.ref'), s.reference)] : []),
    row(l('receipt.date'), formatJakarta(s.printed_at)),
    { type: 'cut', partial: true }
  ]
  return receiptSchema.parse({ columns: columnsSchema.parse(options.columns ?? 32), items })
}
