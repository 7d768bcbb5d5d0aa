/** The shift summary slip: a store's sales of the day, counted and summed per state, for the till's records. */
import { z } from 'zod'
import { translate, type Language, type StringKey } from '../i18n'
import { formatRupiah } from '../money'
import { formatJakarta } from './jakarta-time'
import { type Columns, columnsSchema, receiptSchema, type Receipt, type ReceiptItemInput } from './receipt-model'

const SHIFT_STATES = ['posted', 'pending', 'refused', 'cancelled', 'discarded'] as const
const stateTotal = z.object({ count: z.number().int().nonnegative(), value: z.number() })

export const shiftSummarySchema = z.object({
  merchant_name: z.string().min(1),
  store: z.number().int(),
  /** The store's local day the figures cover (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  by_state: z.partialRecord(z.enum(SHIFT_STATES), stateTotal),
  /** Posted and pending sales: what the till took. */
  takings: stateTotal,
  /** Stamps Stamps gave for the posted sales not cancelled. */
  stamps: z.number(),
  printed_at: z.union([z.iso.datetime({ offset: true }), z.date()])
})
export type ShiftSummaryInput = z.input<typeof shiftSummarySchema>

/** Money hazard: every figure is a sum of the outbox's own records, never a guess of what Stamps holds. */
export function shiftSummary(
  input: ShiftSummaryInput,
  options: { columns?: Columns; language?: Language } = {}
): Receipt {
  const s = shiftSummarySchema.parse(input)
  const l = (key: StringKey): string => translate(options.language ?? 'id', key)
  const row = (label: string, value: string, bold = false): ReceiptItemInput => ({ type: 'row', label, value, bold })
  const [y, m, d] = s.date.split('-')
  const items: ReceiptItemInput[] = [
    { type: 'text', text: s.merchant_name, align: 'center', bold: true },
    { type: 'text', text: l('receipt.shift.title'), align: 'center' },
    { type: 'separator', char: '-' },
    row(l('receipt.shift.store'), String(s.store)),
    row(l('receipt.shift.day'), `${d}/${m}/${y}`),
    { type: 'separator', char: '-' }
  ]
  for (const state of SHIFT_STATES) {
    const t = s.by_state[state]
    if (t && t.count > 0) items.push(row(`${t.count}x ${l(`receipt.shift.state.${state}`)}`, formatRupiah(t.value)))
  }
  items.push(
    { type: 'separator', char: '-' },
    row(`${s.takings.count}x ${l('receipt.shift.takings')}`, formatRupiah(s.takings.value), true),
    row(l('receipt.shift.stamps'), String(Math.trunc(s.stamps))),
    { type: 'separator', char: '-' },
    row(l('receipt.printed'), formatJakarta(s.printed_at)),
    { type: 'cut', partial: true }
  )
  return receiptSchema.parse({ columns: columnsSchema.parse(options.columns ?? 32), items })
}
