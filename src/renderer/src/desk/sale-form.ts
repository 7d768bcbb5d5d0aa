/**
 * The new-sale form as plain data: typed text in, a checked `SaleInput` or field errors out.
 * Money hazard: rupiah are whole numbers; a typed "10.000" means ten thousand (Indonesian
 * grouping), never ten, so dots and commas are grouping marks here, not decimals.
 */
import type { SaleInput } from '../../../shared/ipc'
import { two, wallClock } from '../../../shared/local-day'

export interface ItemRow {
  key: number
  name: string
  quantity: string
  price: string
}

export interface SaleDraft {
  invoice: string
  items: ItemRow[]
  subtotal: string
  discount: string
  serviceCharge: string
  tax: string
  total: string
}

/** Field error codes; the screen translates them (`sale.err.<code>`). */
export type FieldError =
  'required' | 'amount' | 'quantity' | 'invoice' | 'subtotal-mismatch' | 'total-mismatch' | 'discount-too-large'
export type FieldErrors = Record<string, FieldError>

const MAX_RUPIAH = 1_000_000_000_000

/** Whole rupiah from typed text; null when it is not an amount (empty text is `empty`). */
export function parseRupiah(text: string): number | null | 'empty' {
  const t = text.trim().replace(/^rp\s*/i, '')
  if (t === '') return 'empty'
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(t)) return null
  const n = Number(t.replace(/[.,]/g, ''))
  return Number.isSafeInteger(n) && n <= MAX_RUPIAH ? n : null
}

/**
 * A client-side invoice number, fixed when the form opens: a repeat submit reuses it. Its date
 * is the store's (Jakarta), like the receipt's and the day the invoice is unique in, whatever
 * zone the till's own clock is set to.
 */
export function newInvoiceNumber(now = new Date(), random = Math.random): string {
  const c = wallClock(now.getTime())
  const stamp = `${c.year}${two(c.month)}${two(c.day)}-${two(c.hour)}${two(c.minute)}${two(c.second)}`
  const tail = Math.floor(random() * 36 ** 4)
    .toString(36)
    .toUpperCase()
    .padStart(4, '0')
  return `INV-${stamp}-${tail}`
}

export const emptyDraft = (invoice: string): SaleDraft => ({
  invoice,
  items: [],
  subtotal: '',
  discount: '0',
  serviceCharge: '0',
  tax: '0',
  total: ''
})

/** Sum of quantity x unit price over rows that parse; null when any row is unreadable. */
export function itemsTotal(items: ItemRow[]): number | null {
  let sum = 0
  for (const i of items) {
    const q = Number(i.quantity)
    const p = parseRupiah(i.price)
    if (!Number.isInteger(q) || q <= 0 || typeof p !== 'number') return null
    sum += q * p
  }
  return sum
}

/** subtotal - discount + service charge + tax from the typed figures, or null. */
export function expectedTotal(d: SaleDraft): number | null {
  const v = [d.subtotal, d.discount, d.serviceCharge, d.tax].map((s) => parseRupiah(s))
  if (v.some((x) => x === null) || v[0] === 'empty') return null
  const [sub, dis, svc, tax] = v.map((x) => (x === 'empty' ? 0 : (x as number)))
  return sub! - dis! + svc! + tax!
}

/** Checks every field and the sums; `ok` carries the request for `sale:submit`. */
export function checkDraft(
  d: SaleDraft,
  user: string
): { ok: true; input: SaleInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const invoice = d.invoice.trim()
  if (invoice === '') errors.invoice = 'required'
  else if (invoice.length > 100 || /\p{Cc}/u.test(invoice)) errors.invoice = 'invoice'
  const items = d.items.map((row, i) => {
    const name = row.name.trim()
    if (name === '') errors[`items.${i}.name`] = 'required'
    const q = Number(row.quantity)
    if (!/^\d+$/.test(row.quantity.trim()) || !Number.isInteger(q) || q <= 0 || q > 100_000)
      errors[`items.${i}.quantity`] = 'quantity'
    const p = parseRupiah(row.price)
    if (typeof p !== 'number') errors[`items.${i}.price`] = p === 'empty' ? 'required' : 'amount'
    return { product_name: name, quantity: q, price: typeof p === 'number' ? p : 0 }
  })
  const amount = (field: keyof SaleDraft, required: boolean): number | undefined => {
    const v = parseRupiah(d[field] as string)
    if (v === 'empty') {
      if (required) errors[field] = 'required'
      return undefined
    }
    if (v === null) errors[field] = 'amount'
    return v ?? undefined
  }
  const subtotal = amount('subtotal', false)
  const discount = amount('discount', false) ?? 0
  const serviceCharge = amount('serviceCharge', false) ?? 0
  const tax = amount('tax', false) ?? 0
  const total = amount('total', true)
  if (Object.keys(errors).length > 0 || total === undefined) return { ok: false, errors }
  const fromItems = itemsTotal(d.items)
  if (items.length > 0 && subtotal !== undefined && fromItems !== subtotal) errors.subtotal = 'subtotal-mismatch'
  const base = subtotal ?? (items.length > 0 ? fromItems! : undefined)
  if (base !== undefined && discount > base) errors.discount = 'discount-too-large'
  else if (base !== undefined && base - discount + serviceCharge + tax !== total) errors.total = 'total-mismatch'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    input: {
      user,
      invoiceNumber: invoice,
      items,
      ...(subtotal !== undefined && { subtotal }),
      discount,
      serviceCharge,
      tax,
      totalValue: total
    }
  }
}
