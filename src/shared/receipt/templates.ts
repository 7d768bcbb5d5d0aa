/** Receipt templates as pure functions: a sale or a member in, a receipt model out. */
import { translate, type StringKey } from '../i18n'
import { formatRupiah } from '../money'
import { formatJakarta } from './jakarta-time'
import type { Columns, Receipt, ReceiptItemInput } from './receipt-model'
import { receiptSchema } from './receipt-model'
import {
  type LoyaltySaleInput,
  type MemberSlipInput,
  type TemplateOptionsInput,
  loyaltySaleSchema,
  memberSlipSchema,
  templateOptionsSchema
} from './template-inputs'

const row = (label: string, value: string, bold = false, hang = 0): ReceiptItemInput => ({
  type: 'row',
  label,
  value,
  bold,
  hang
})
const center = (text: string, bold = false): ReceiptItemInput => ({ type: 'text', text, align: 'center', bold })
const rule: ReceiptItemInput = { type: 'separator', char: '-' }

/** "Budi Santoso" -> "Budi S******": enough for the member to recognise, little for a bystander. */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return ''
  if (words.length === 1) return words[0]!.slice(0, 3) + '*'.repeat(Math.max(0, words[0]!.length - 3))
  return [words[0], ...words.slice(1).map((w) => w.charAt(0) + '*'.repeat(w.length - 1))].join(' ')
}

/** Privacy: only the last 4 characters of a card number are ever printed. */
export function maskCard(card: string): string {
  const compact = card.replace(/\s+/g, '')
  return '*'.repeat(Math.max(0, compact.length - 4)) + compact.slice(-4)
}

const quantity = (q: number): string => (Number.isInteger(q) ? String(q) : String(q).replace('.', ','))

/** The loyalty receipt: store, invoice, date, items, total, stamps and a pending notice. */
export function loyaltyReceipt(saleInput: LoyaltySaleInput, options: TemplateOptionsInput = {}): Receipt {
  const sale = loyaltySaleSchema.parse(saleInput)
  const opts = templateOptionsSchema.parse(options)
  const l = (key: StringKey): string => translate(opts.language, key)
  const items: ReceiptItemInput[] = [center(sale.merchant_name, true)]
  if (sale.copy) items.unshift(center(l('receipt.copy'), true))
  if (sale.store_name) items.push(center(sale.store_name))
  items.push(
    rule,
    row(l('receipt.invoice'), sale.invoice_number),
    row(l('receipt.date'), formatJakarta(sale.created)),
    rule
  )
  for (const it of sale.items) {
    // Money hazard: line totals are computed here for display only; the total printed below is
    // the sale's own total_value, never a re-sum that could disagree with what was charged.
    // A long name wraps under itself, clear of the quantity; the amount stays whole on one line.
    const count = `${quantity(it.quantity)}x `
    items.push(row(count + it.name, formatRupiah(it.quantity * it.unit_price), false, Math.min(count.length, 8)))
  }
  if (sale.items.length > 0) items.push(rule)
  items.push(row(l('receipt.total'), formatRupiah(sale.total_value), true), rule)
  if (sale.stamps_earned !== null) items.push(row(l('receipt.stampsEarned'), `+${sale.stamps_earned}`))
  if (sale.stamps_remaining !== null) items.push(row(l('receipt.stampsNow'), String(sale.stamps_remaining)))
  if (sale.level) items.push(row(l('receipt.level'), sale.level))
  // Assumption: the Stamps membership balance is an amount of rupiah.
  if (sale.balance !== null) items.push(row(l('receipt.balance'), formatRupiah(sale.balance)))
  if (sale.pending) items.push({ type: 'feed', lines: 1 }, center(l('receipt.pending'), true))
  items.push({ type: 'feed', lines: 1 }, center(l('receipt.thanks')))
  if (sale.qr) items.push({ type: 'qr', data: sale.qr, align: 'center' })
  items.push({ type: 'cut', partial: true })
  return receiptSchema.parse({ columns: opts.columns, items })
}

/** The kiosk member slip: masked identity, level, stamps, balance and latest activity. */
export function memberSlip(memberInput: MemberSlipInput, options: TemplateOptionsInput = {}): Receipt {
  const m = memberSlipSchema.parse(memberInput)
  const opts = templateOptionsSchema.parse(options)
  const l = (key: StringKey): string => translate(opts.language, key)
  const items: ReceiptItemInput[] = [center(m.merchant_name, true), center(l('receipt.memberSlip')), rule]
  items.push(row(l('receipt.member'), maskName(m.name)))
  if (m.card_number) items.push(row(l('receipt.card'), maskCard(m.card_number)))
  if (m.level) items.push(row(l('receipt.level'), m.level))
  items.push(row(l('receipt.stamps'), String(m.stamps)))
  if (m.balance !== null) items.push(row(l('receipt.balance'), formatRupiah(m.balance)))
  const activities = m.activities.slice(0, opts.maxActivities)
  if (activities.length > 0) {
    items.push(rule, { type: 'text', text: l('receipt.activities'), bold: true })
    for (const a of activities) items.push({ type: 'text', text: `- ${a}` })
  }
  items.push(rule, row(l('receipt.printed'), formatJakarta(m.printed_at)), { type: 'cut', partial: true })
  return receiptSchema.parse({ columns: opts.columns, items })
}

/** A short page to check the printer: widths, emphasis, alignment, QR and cut. */
export function testPage(columns: Columns, when: Date, spec: string, model?: string): Receipt {
  return receiptSchema.parse({
    columns,
    items: [
      { type: 'text', text: 'TEST PRINT', align: 'center', bold: true, size: 2 },
      rule,
      row('Printer', spec),
      ...(model ? [row('Model', model)] : []),
      row('Width', `${columns} columns`),
      row('Time', formatJakarta(when)),
      { type: 'text', text: 'left' },
      { type: 'text', text: 'center', align: 'center' },
      { type: 'text', text: 'right', align: 'right' },
      { type: 'text', text: '0123456789'.repeat(5).slice(0, columns) },
      { type: 'qr', data: 'stamps-kiosk test print' },
      { type: 'cut', partial: true }
    ]
  })
}
