/**
 * When a sale arriving under a key the outbox already holds (store, invoice number, local day)
 * is the same sale sent again, and the refusal Stamps gives when it is not.
 */
import { ERROR_TEXT, TRANSACTION_ERROR_DETAIL } from '../../shared/stamps'
import { StampsError } from '../stamps/stamps-error'
import type { QueuedSale } from './sale-key'

/** Rupiah compared in hundredths, the ledger's unit: 50000, "50000" and 50000.0 are one amount. */
const cents = (v: number | undefined): number | null => (v === undefined ? null : Math.round(v * 100))

/**
 * The canonical form of a sale for "is this the same sale again?". It holds every field of the
 * body except the credential (`token`, never stored; header credentials never reach the body)
 * and the time of day (`created`): the day is part of the key already, and a POS that stamps
 * each retry with a fresh time must still get its original answer (money hazard: a refusal
 * would read as "not posted"). The rest is normalised the way Stamps reads it, so a retry in
 * another form is still the same sale:
 * - the member: `user` or the older `user_email`, compared lowercased (emails are);
 * - amounts as numbers in hundredths; a missing discount, service charge or tax is 0, and the
 *   documents' `service_change` is `service_charge`; a missing subtotal stays missing;
 * - items as (name, quantity, unit price) in any order; no items and an empty list are alike.
 */
export function saleIdentity(sale: QueuedSale): string {
  return JSON.stringify({
    member: (sale.user ?? sale.user_email ?? '').toLowerCase(),
    store: sale.store,
    invoice: sale.invoice_number,
    total: cents(sale.total_value),
    subtotal: cents(sale.subtotal),
    discount: cents(sale.discount ?? 0),
    serviceCharge: cents(sale.service_charge ?? sale.service_change ?? 0),
    tax: cents(sale.tax ?? 0),
    items: (sale.items ?? []).map((i) => JSON.stringify([i.product_name, i.quantity, cents(i.price)])).sort()
  })
}

/** True when `b` is `a` sent again (a retry), false when it is another sale reusing the key. */
export function sameSale(a: QueuedSale, b: QueuedSale): boolean {
  return saleIdentity(a) === saleIdentity(b)
}

/**
 * What Stamps answers a second sale with an invoice number the store used that day: 400 with
 * the documented error list (kind `duplicate`, as the client reads that answer). Nothing of the
 * refused sale is recorded, and its caller learns nothing of the sale that holds the number.
 */
export function invoiceTakenError(): StampsError {
  const field = { invoice_number: ERROR_TEXT.duplicateInvoice }
  return new StampsError({
    kind: 'duplicate',
    status: 400,
    detail: TRANSACTION_ERROR_DETAIL,
    fieldErrors: Object.entries(field),
    ambiguous: false,
    body: { detail: TRANSACTION_ERROR_DETAIL, errors: [field] }
  })
}
