/**
 * The queue view's repairs: a failed sale fixed by a person and sent again (checked exactly
 * like a new sale first), and the rows as the screen shows them, with desk field names.
 */
import type { z } from 'zod'
import type { OutboxItem as OutboxView, saleFixSchema } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import type { Outbox } from './outbox'
import type { OutboxItem } from './outbox-store'
import type { QueuedSale } from './sale-key'
import { asDomainError } from '../stamps'
import { inconsistencies } from '../sales/sale-desk'

type SaleFix = z.infer<typeof saleFixSchema>

/** Stamps names fields as on the wire; the desk form as in saleInputSchema. */
const DESK_NAMES: Record<string, string> = {
  invoice_number: 'invoiceNumber',
  total_value: 'totalValue',
  service_charge: 'serviceCharge',
  service_change: 'serviceCharge',
  user_email: 'user'
}
const deskFields = (fields: Array<[string, string]>): Array<[string, string]> =>
  fields.map(([f, m]) => [DESK_NAMES[f] ?? f, m])

export function outboxView(i: OutboxItem): OutboxView {
  const s = i.sale
  return {
    id: i.id,
    invoiceNumber: i.invoice_number,
    store: i.store,
    state: i.state,
    attempts: i.attempts,
    totalValue: s.total_value,
    user: s.user ?? s.user_email ?? '',
    lastError: i.last_error,
    fieldErrors: deskFields(i.field_errors),
    createdAt: i.created_at,
    sale: {
      items: s.items ?? [],
      subtotal: s.subtotal ?? null,
      discount: s.discount ?? 0,
      serviceCharge: s.service_charge ?? s.service_change ?? 0,
      tax: s.tax ?? 0
    }
  }
}

/** The queued sale with a person's corrections applied; omitted fields stay as queued. */
export function applyFix(sale: QueuedSale, fix: SaleFix): QueuedSale {
  const next: QueuedSale = { ...sale }
  if (fix.user !== undefined) {
    next.user = fix.user
    delete next.user_email
  }
  if (fix.invoiceNumber !== undefined) next.invoice_number = fix.invoiceNumber
  if (fix.items !== undefined) next.items = fix.items
  if (fix.subtotal === null) delete next.subtotal
  else if (fix.subtotal !== undefined) next.subtotal = fix.subtotal
  if (fix.discount !== undefined) next.discount = fix.discount
  if (fix.serviceCharge !== undefined) {
    next.service_charge = fix.serviceCharge
    delete next.service_change
  }
  if (fix.tax !== undefined) next.tax = fix.tax
  if (fix.totalValue !== undefined) next.total_value = fix.totalValue
  return next
}

export class QueueRepair {
  constructor(private readonly outbox: Pick<Outbox, 'get' | 'resend'>) {}

  /** Queues the fixed sale again under its own row: it is sent once, like any queued sale. */
  resend(id: number, fix: SaleFix): OutboxView {
    const item = this.outbox.get(id)
    if (!item) throw new DomainError('not-found', `No queued sale ${id}.`)
    if (item.state !== 'failed' && item.state !== 'discarded') {
      throw new DomainError(
        'invalid-input',
        `This sale is ${item.state}; only failed or discarded sales can be resent.`
      )
    }
    const sale = applyFix(item.sale, fix)
    const problems = inconsistencies({
      user: sale.user ?? sale.user_email ?? '',
      invoiceNumber: sale.invoice_number,
      items: sale.items ?? [],
      ...(sale.subtotal !== undefined && { subtotal: sale.subtotal }),
      discount: sale.discount ?? 0,
      serviceCharge: sale.service_charge ?? sale.service_change ?? 0,
      tax: sale.tax ?? 0,
      totalValue: sale.total_value
    })
    if (problems.length > 0) throw new DomainError('invalid-input', 'The sale does not add up.', problems)
    try {
      return outboxView(this.outbox.resend(id, sale))
    } catch (err) {
      // A refusal of the fixed sale (Stamps' field rules, an invoice number taken) names the desk's fields.
      const refusal = asDomainError(err)
      if (refusal instanceof DomainError)
        throw new DomainError('invalid-input', refusal.message, deskFields(refusal.fields ?? []))
      throw refusal
    }
  }
}
