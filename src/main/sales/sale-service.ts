/**
 * Posting a sale, for every door it comes through (the receipt bridge and the cashier desk):
 * queue durably, wait briefly for Stamps, print the loyalty receipt exactly once.
 */
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { Outbox, PostedResponse, QueuedSale, SendOutcome } from '../outbox'
import type { MetricsFeed } from '../metrics/metrics-feed'
import type { AddTransactionInput, CircuitBreaker } from '../stamps'
import { saleReceiptData, type MemberFigures, type ReceiptContext } from './sale-receipt'

export interface SalePrinter {
  printReceipt(data: ReturnType<typeof saleReceiptData>): PrintJob
  /** The receipt job already queued for an invoice, if any (crash recovery must not print twice). */
  receiptFor(invoice: string): { job: PrintJob } | undefined
}

export interface SaleServiceDeps {
  outbox: Outbox
  printer: SalePrinter | null
  /** Member level and balance for the receipt; null figures when Stamps cannot say in time. */
  memberFigures: (user: string) => Promise<MemberFigures>
  receiptContext: () => ReceiptContext
  /** Stamps known to be down (the client's circuit breaker): nobody waits on it then. */
  upstream?: Pick<CircuitBreaker, 'downSignal'> | null
  /** Counts each sale by how it was answered. */
  metrics?: MetricsFeed
  log?: (line: string) => void
}

export type SaleSubmission =
  | {
      state: 'posted' | 'already-posted'
      outboxId: number
      sale: QueuedSale
      response: PostedResponse
      receiptJobId: number | null
    }
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
  async submit(
    input: AddTransactionInput,
    waitMs: number,
    options: { answerBeforeReceipt?: boolean } = {}
  ): Promise<SaleSubmission> {
    const submission = await this.queueAndWait(input, waitMs, options)
    this.deps.metrics?.saleAnswered(submission.state)
    return submission
  }

  private async queueAndWait(
    input: AddTransactionInput,
    waitMs: number,
    options: { answerBeforeReceipt?: boolean }
  ): Promise<SaleSubmission> {
    const { item, created } = this.deps.outbox.enqueue(input, { receiptOwed: this.deps.printer !== null })
    const printing = created && this.deps.printer !== null
    // A sale moves stamps, never the balance: a caller waiting for its receipt has the balance
    // read alongside the send (one round trip, not two); the bridge reads it after answering.
    const early = printing && !options.answerBeforeReceipt ? this.figuresFor(item.sale) : null
    // Once Stamps is known to be down the answer is "queued" at once (the sale is on disk
    // already), not after a wait per sale for as long as the shop is offline.
    const outcome = await this.deps.outbox.awaitOutcome(item, waitMs, this.deps.upstream?.downSignal)
    const sale = item.sale
    const receipt = async (response: PostedResponse | null): Promise<number | null> => {
      if (!printing) return null
      if (early) return this.issue(item.id, sale, response, early)
      // The bridge answers its POS first: the receipt is owed in the outbox row already, so a
      // crash before the job is queued prints it at the next start instead of losing it.
      setImmediate(() => void this.issue(item.id, sale, response, this.figuresFor(sale)))
      return null
    }
    switch (outcome.state) {
      case 'posted':
        return {
          state: created ? 'posted' : 'already-posted',
          outboxId: item.id,
          sale,
          response: outcome.response,
          receiptJobId: await receipt(outcome.response)
        }
      case 'pending':
        return { state: 'queued', outboxId: item.id, sale, receiptJobId: await receipt(null) }
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

  /**
   * Prints the receipts still owed after a stop between answering and printing: a posted sale
   * gets its full receipt, a queued one says stamps pending. One already queued is not repeated.
   */
  async issueOwedReceipts(before: number): Promise<number> {
    // Only sales from before this start: a new sale's receipt is owed until its own print runs.
    const owed = this.deps.printer ? this.deps.outbox.receiptsOwed().filter((i) => i.created_at < before) : []
    for (const item of owed) {
      // Invoice numbers repeat across days: only a job queued after this sale can be its receipt.
      const existing = this.deps.printer!.receiptFor(item.invoice_number)
      if (existing && existing.job.createdAt >= item.created_at) this.deps.outbox.claimReceipt(item.id)
      else
        await this.issue(item.id, item.sale, item.state === 'posted' ? item.response : null, this.figuresFor(item.sale))
    }
    return owed.length
  }

  /** Printing never fails a sale: the job is in the print queue (then marked issued) or logged. */
  private async issue(
    outboxId: number,
    sale: QueuedSale,
    response: PostedResponse | null,
    figures: Promise<MemberFigures>
  ): Promise<number | null> {
    if (!this.deps.printer) return null
    try {
      const data = saleReceiptData(sale, response, await figures, this.deps.receiptContext())
      // Another print of this sale may have finished while the figures were read (a sale from
      // before a stop, sent again while owed receipts print): check, print and mark with no await between.
      if (this.deps.outbox.get(outboxId)?.receipt === 'issued') return null
      const job = this.deps.printer.printReceipt(data)
      this.deps.outbox.claimReceipt(outboxId)
      return job.id
    } catch (err) {
      this.deps.log?.(`receipt for ${sale.invoice_number} not queued (still owed): ${(err as Error).message}`)
      return null
    }
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected outcome ${JSON.stringify(x as SendOutcome)}`)
}
