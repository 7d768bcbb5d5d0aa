/** A sale's receipt after the fact: the first one printed, and reprint by invoice. */
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { LivePrinter } from '../printer/live-printer'
import { DomainError } from '../domain-error'
import type { Outbox } from '../outbox'
import { saleReceiptData, type MemberFigures, type ReceiptContext } from './sale-receipt'

export interface SaleReceiptsDeps {
  printer: LivePrinter
  outbox: Pick<Outbox, 'findByInvoice'>
  store: number
  memberFigures: (user: string) => Promise<MemberFigures>
  receiptContext: () => ReceiptContext
}

export class SaleReceipts {
  constructor(private readonly deps: SaleReceiptsDeps) {}

  /** The receipt printed the first time this invoice was submitted, if any. */
  firstReceipt(invoice: string): number | null {
    return this.deps.printer.receiptFor(invoice)?.job.id ?? null
  }

  /**
   * A copy of the sale's receipt, marked as a copy (byte for byte for a receipt printed before
   * receipts kept their data), unless that receipt said "stamps pending" and
   * Stamps has answered since: then a fresh receipt with Stamps' own figures is more use to the
   * customer than a copy of the pending one. A sale this till never printed but queued (e.g.
   * posted with the printer off) gets its receipt printed from the queue's record.
   */
  async reprintInvoice(invoice: string): Promise<PrintJob> {
    const item = this.deps.outbox.findByInvoice(this.deps.store, invoice)
    // Invoice numbers repeat across days: a receipt queued before this sale was another sale's.
    const latest = this.deps.printer.receiptFor(invoice)
    const printed = latest && (!item || latest.job.createdAt >= item.created_at) ? latest : undefined
    const answered = item?.state === 'posted' && item.response ? item.response : null
    if (printed && !(printed.pending && answered))
      return this.deps.printer.printReceiptCopy(printed.job.id) ?? this.deps.printer.reprint(printed.job.id)
    if (!item || item.state === 'discarded')
      throw new DomainError('not-found', `No receipt or queued sale for invoice ${invoice} at this till.`)
    const user = item.sale.user ?? item.sale.user_email ?? ''
    const figures = await this.deps.memberFigures(user).catch(() => ({ level: null, balance: null }))
    return this.deps.printer.printReceipt(saleReceiptData(item.sale, answered, figures, this.deps.receiptContext()))
  }
}
