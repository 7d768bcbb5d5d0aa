/** The redemption slip: the reward a member took at the kiosk, its code and QR for the cashier, the stamps left. */
import { z } from 'zod'
import { translate, type Language, type StringKey } from '../i18n'
import { formatJakarta } from './jakarta-time'
import { type Columns, columnsSchema, receiptSchema, type Receipt, type ReceiptItemInput } from './receipt-model'

export const redemptionSlipSchema = z.object({
  merchant_name: z.string().min(1),
  reward: z.string().min(1),
  /** What the cashier checks: a voucher code or the redemption's number (printable ASCII, it goes in the QR). */
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x20-\x7e]+$/),
  stamps_used: z.number(),
  /** Stamps' own figure after the redemption; null when it could not say (the slip says so). */
  stamps_now: z.number().nullable(),
  printed_at: z.union([z.iso.datetime({ offset: true }), z.date()])
})
export type RedemptionSlipInput = z.input<typeof redemptionSlipSchema>

export function redemptionSlip(
  input: RedemptionSlipInput,
  options: { columns?: Columns; language?: Language } = {}
): Receipt {
  const s = redemptionSlipSchema.parse(input)
  const l = (key: StringKey): string => translate(options.language ?? 'id', key)
  const row = (label: string, value: string, bold = false): ReceiptItemInput => ({ type: 'row', label, value, bold })
  const items: ReceiptItemInput[] = [
    { type: 'text', text: s.merchant_name, align: 'center', bold: true },
    { type: 'text', text: l('receipt.redemptionSlip.title'), align: 'center' },
    { type: 'separator', char: '-' },
    { type: 'text', text: s.reward, align: 'center', bold: true },
    row(l('receipt.redemptionSlip.code'), s.code, true),
    { type: 'qr', data: s.code, align: 'center' },
    row(l('receipt.redemptionSlip.stampsUsed'), `-${s.stamps_used}`),
    row(
      l('receipt.redemptionSlip.stampsNow'),
      s.stamps_now === null ? l('receipt.redemptionSlip.unknown') : String(Math.trunc(s.stamps_now)),
      true
    ),
    row(l('receipt.date'), formatJakarta(s.printed_at)),
    { type: 'text', text: l('receipt.redemptionSlip.show'), align: 'center' },
    { type: 'cut', partial: true }
  ]
  return receiptSchema.parse({ columns: columnsSchema.parse(options.columns ?? 32), items })
}
