/** The cashier desk's side of a sale: checks the figures add up, names the invoice, submits once. */
import { saleInputSchema, type SaleResult } from '../../shared/ipc'
import type { z } from 'zod'
import { ERROR_TEXT } from '../../shared/stamps'
import { DomainError } from '../domain-error'
import { StampsError } from '../stamps'
import type { SaleService } from './sale-service'

type SaleInput = z.infer<typeof saleInputSchema>

/** Rupiah sums are whole numbers in practice; allow float dust from a POS's own arithmetic. */
const close = (a: number, b: number): boolean => Math.abs(a - b) < 0.5

/** Field errors for figures that do not add up; empty when the sale is consistent. */
export function inconsistencies(sale: SaleInput): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const itemsTotal = sale.items.reduce((sum, i) => sum + i.quantity * i.price, 0)
  const subtotal = sale.subtotal ?? itemsTotal
  if (sale.items.length > 0 && !close(subtotal, itemsTotal))
    out.push(['subtotal', `Items add up to ${itemsTotal}, not ${subtotal}.`])
  if (sale.discount > subtotal) out.push(['discount', 'The discount is larger than the subtotal.'])
  const expected = subtotal - sale.discount + sale.serviceCharge + sale.tax
  if ((sale.items.length > 0 || sale.subtotal !== undefined) && !close(expected, sale.totalValue)) {
    out.push(['totalValue', `Subtotal - discount + service charge + tax is ${expected}, not ${sale.totalValue}.`])
  }
  return out
}

export class SaleDesk {
  constructor(
    private readonly sales: SaleService,
    private readonly store: number,
    private readonly waitMs = 4_000,
    /** The receipt printed when an invoice was first submitted, for "already posted, reprint?". */
    private readonly firstReceipt: (invoice: string) => number | null = () => null
  ) {}

  async submit(sale: SaleInput): Promise<SaleResult> {
    const problems = inconsistencies(sale)
    if (problems.length > 0) throw new DomainError('invalid-input', 'The sale does not add up.', problems)
    const input = {
      user: sale.user,
      store: this.store,
      invoice_number: sale.invoiceNumber,
      total_value: sale.totalValue,
      ...(sale.subtotal !== undefined && { subtotal: sale.subtotal }),
      discount: sale.discount,
      service_charge: sale.serviceCharge,
      tax: sale.tax,
      ...(sale.items.length > 0 && { items: sale.items })
    }
    const result = await this.sales.submit(input, this.waitMs).catch((err: unknown) => {
      // Another sale already holds this invoice number today (the same sale again is answered
      // already-posted instead): named on the form's invoice field, nothing recorded or printed.
      if (err instanceof StampsError && err.kind === 'duplicate')
        throw new DomainError(
          'validation',
          'Another sale already used this invoice number at this store today; give this sale a new invoice number.',
          [['invoiceNumber', ERROR_TEXT.duplicateInvoice]]
        )
      throw err
    })
    if (result.state === 'failed')
      throw new DomainError('validation', result.error ?? 'Stamps refused the sale.', result.fieldErrors)
    if (result.state === 'discarded') throw new DomainError('invalid-input', 'This sale was discarded.')
    const posted = result.state === 'queued' ? null : result.response
    return {
      state: result.state,
      invoiceNumber: result.sale.invoice_number,
      outboxId: result.outboxId,
      stampsEarned: posted?.transaction.stamps_earned ?? null,
      stampsRemaining: posted?.customer.stamps_remaining ?? null,
      receiptJobId: result.receiptJobId,
      ...(result.state === 'already-posted' && { previousReceiptJobId: this.firstReceipt(result.sale.invoice_number) })
    }
  }
}
