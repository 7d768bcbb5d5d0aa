/**
 * Posting a sale, for every door it comes through (the receipt bridge and the cashier desk):
 * queue durably, wait briefly for Stamps, print the loyalty receipt exactly once.
 */
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { Outbox, PostedResponse, QueuedSale, SendOutcome } from '../outbox'
import type { AddTransactionInput } from '../stamps'
import { saleReceiptData, type MemberFigures, type ReceiptContext } from './sale-receipt'

export interface SalePrinter {
  printReceipt(data: ReturnType<typeof saleReceiptData>): PrintJob
}

export interface SaleServiceDeps {
  outbox: Outbox
  printer: SalePrinter | null
  /** Member level and balance for the receipt; null figures when Stamps cannot say in time. */
  memberFigures: (user: string) => Promise<MemberFigures>
  receiptContext: () => ReceiptContext
  log?: (line: string) => void
}

export type SaleSubmission =
  | { state: 'posted' | 'already-posted'; outboxId: number; sale: QueuedSale; response: PostedResponse; receiptJobId: number | null }
  | { state: 'queued'; outboxId: number; sale: QueuedSale; receiptJobId: number | null }
  | { state: 'failed'; outboxId: number; sale: QueuedSale; fieldErrors: Array<[string, string]>; error: string | null }
  | { state: 'discarded'; outboxId: number; sale: QueuedSale }

export class SaleService {
  constructor(private readonly deps: SaleServiceDeps) {}

  /**
   * Queues the sale (committed before anything is sent) and waits up to `waitMs` for Stamps.
   * A sale seen before (same store, invoice and day) is never posted or printed again: the
   * caller learns what became of the first one.
   */
  async submit(input: AddTransactionInput, waitMs: number): Promise<SaleSubmission> {
    const { item, created } = this.deps.outbox.enqueue(input)
    // A sale moves stamps, never the balance: the receipt's balance can be read while the sale
    // is on its way, so the POS waits for one round trip instead of two.
    const figures = created && this.deps.printer ? this.figuresFor(item.sale) : null
    const outcome = await this.deps.outbox.sendOrQueue(item.sale, waitMs)
    const sale = item.sale
    switch (outcome.state) {
      case 'posted': {
        const receiptJobId = figures ? await this.print(sale, outcome.response, figures) : null
        return { state: created ? 'posted' : 'already-posted', outboxId: item.id, sale, response: outcome.response, receiptJobId }
      }
      case 'pending':
        return { state: 'queued', outboxId: item.id, sale, receiptJobId: figures ? await this.print(sale, null, figures) : null }
      case 'failed':
        return { state: 'failed', outboxId: item.id, sale, fieldErrors: outcome.fieldErrors, error: outcome.error }
      case 'discarded':
        return { state: 'discarded', outboxId: item.id, sale }
      default:
        return assertNever(outcome)
    }
  }

  /** Never rejects: a receipt without the balance beats no receipt. */
  private figuresFor(sale: QueuedSale): Promise<MemberFigures> {
    return this.deps.memberFigures(sale.user ?? sale.user_email ?? '').catch(() => ({ level: null, balance: null }))
  }

  /** Printing never fails a sale: the job is in the print queue or the failure is logged. */
  private async print(sale: QueuedSale, response: PostedResponse | null, figures: Promise<MemberFigures>): Promise<number | null> {
    if (!this.deps.printer) return null
    try {
      return this.deps.printer.printReceipt(saleReceiptData(sale, response, await figures, this.deps.receiptContext())).id
    } catch (err) {
      this.deps.log?.(`receipt for ${sale.invoice_number} not queued: ${(err as Error).message}`)
      return null
    }
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected outcome ${JSON.stringify(x as SendOutcome)}`)
}
