/**
 * The printer the host wires everywhere: a PrinterService that can be replaced while the app
 * runs (new spec, paper width or receipt language from the admin screen) without losing a job.
 */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { DomainError } from '../domain-error'
import type { DiskReport } from '../disk/disk-fault'
import { reclaimSpace } from '../../platform/sqlite/reclaim-space'
import { openPrintQueueDb } from './print-job-store'
import type { Language } from '../../shared/i18n'
import {
  loyaltySaleSchema,
  previewLines,
  shiftSummary,
  type LoyaltySaleInput,
  type MemberSlipInput,
  type ShiftSummaryInput
} from '../../shared/receipt'
import { balanceSlip, type BalanceSlipInput } from '../../shared/receipt/balance-slip'
import { redemptionSlip, type RedemptionSlipInput } from '../../shared/receipt/redemption-slip'
import type { PrintJob, PrintJobKind, PrintJobState, PrinterStatus } from '../../shared/receipt/printer-status'
import type { PrintQueueEvents } from './print-queue'
import { PrinterService } from './printer-service'
import type { PrinterTransport } from './printer-transport'

export interface PrinterConfig {
  spec: string | null
  paperWidth: 58 | 80
  language: Language
}

export class LivePrinter extends EventEmitter<PrintQueueEvents> {
  private current: PrinterService
  private readonly db: Database
  private swapping: Promise<void> = Promise.resolve()
  private readonly forward = {
    job: (job: PrintJob) => this.emit('job', job),
    status: (status: PrinterStatus) => this.emit('status', status),
    disk: (report: DiskReport) => this.emit('disk', report)
  }

  constructor(
    private readonly dataDir: string,
    private config: PrinterConfig,
    private readonly transport?: PrinterTransport
  ) {
    super()
    // One connection outlives each PrinterService (which never closes a db it did not open),
    // so a job queued mid-swap lands in the same table and the next service sends it.
    this.db = openPrintQueueDb(join(dataDir, 'print-queue.sqlite'))
    this.current = this.build(config)
  }

  get settings(): PrinterConfig {
    return this.config
  }

  start(): void {
    this.current.start()
  }

  /**
   * Applies new printer settings. The old service finishes the job it is sending (never cut
   * mid-receipt), then the new one takes over the same queue. Swaps run one at a time.
   */
  replace(next: PrinterConfig): Promise<void> {
    const run = this.swapping.then(async () => {
      const old = this.current
      await old.queue.close() // stops after the job in flight; the shared db stays open
      old.off('job', this.forward.job).off('status', this.forward.status).off('disk', this.forward.disk)
      await old.close().catch(() => undefined)
      try {
        this.current = this.build(next)
        this.config = next
      } catch (err) {
        // The new printer cannot even be set up: keep printing where we printed before.
        this.current = this.build(this.config)
        this.current.start()
        throw err
      }
      this.current.start()
      void this.current.status().catch(() => undefined)
    })
    this.swapping = run.catch(() => undefined)
    return run
  }

  printReceipt(sale: LoyaltySaleInput): PrintJob {
    return this.current.printReceipt(sale)
  }

  /**
   * Prints a copy of a receipt job, marked as a copy, from the sale data it was printed with;
   * undefined when the job holds none (printed before receipts kept their data).
   */
  printReceiptCopy(jobId: number): PrintJob | undefined {
    const meta = this.current.queue.store.meta(jobId) as { sale?: unknown } | undefined
    const sale = loyaltySaleSchema.safeParse(meta?.sale)
    return sale.success ? this.current.printReceipt({ ...sale.data, copy: true }, jobId) : undefined
  }

  printShiftSummary(input: ShiftSummaryInput): PrintJob {
    const model = shiftSummary(input, { columns: this.current.columns, language: this.config.language })
    return this.current.queue.enqueue('shift-summary', model, { label: input.date })
  }

  printMemberSlip(member: MemberSlipInput): PrintJob {
    return this.current.printMemberSlip(member)
  }

  printBalanceSlip(slip: BalanceSlipInput): PrintJob {
    const model = balanceSlip(slip, { columns: this.current.columns, language: this.config.language })
    return this.current.queue.enqueue('balance-slip', model, { label: slip.reference ?? slip.kind })
  }

  printRedemptionSlip(slip: RedemptionSlipInput): PrintJob {
    const model = redemptionSlip(slip, { columns: this.current.columns, language: this.config.language })
    return this.current.queue.enqueue('redemption-slip', model, { label: slip.code })
  }

  testPrint(): PrintJob {
    return this.current.testPrint()
  }

  status(): Promise<PrinterStatus> {
    return this.current.status()
  }

  jobs(options: { limit?: number; state?: PrintJobState } = {}): PrintJob[] {
    return this.current.jobs(options)
  }

  retry(id: number): PrintJob {
    return this.current.retry(id)
  }

  discard(id: number): PrintJob {
    return this.current.discard(id)
  }

  reprint(id: number): PrintJob {
    return this.current.reprint(id)
  }

  reprintLast(kind?: PrintJobKind): PrintJob {
    return this.current.reprintLast(kind)
  }

  /** The job's bytes decoded back into lines: the on-screen receipt is what the paper got. */
  preview(id: number): { job: PrintJob; columns: number; lines: string[] } | undefined {
    const job = this.current.queue.get(id)
    const decoded = this.current.preview(id)
    return (
      job && decoded && { job, columns: this.current.columns, lines: previewLines(decoded.items, this.current.columns) }
    )
  }

  /** The preview the screens show; refuses `not-found` for a job that does not exist. */
  receiptPreview(id: number): { jobId: number; kind: string; label: string | null; columns: number; lines: string[] } {
    const p = this.preview(id)
    if (!p) throw new DomainError('not-found', `Print job ${id} does not exist.`)
    return { jobId: id, kind: p.job.kind, label: p.job.label, columns: p.columns, lines: p.lines }
  }

  /** The sale's first receipt and what it was queued with (`pending` when stamps were unknown). */
  receiptFor(invoice: string): { job: PrintJob; pending: boolean } | undefined {
    return this.current.receiptFor(invoice)
  }

  counts(): { queued: number; held: number } {
    return this.current.counts()
  }

  /** Deletes up to `limit` jobs printed before `before` (ms); returns how many (see retention.ts). */
  prunePrinted(before: number, limit: number): number {
    return this.current.queue.store.prunePrinted(before, limit)
  }

  /** Hands the space pruned jobs leave back to the disk. */
  reclaimSpace(): { before: number; after: number } {
    return reclaimSpace(this.db)
  }

  async close(): Promise<void> {
    await this.swapping
    await this.current.close()
    this.db.close()
  }

  private build(c: PrinterConfig): PrinterService {
    const service = new PrinterService({
      spec: c.spec,
      dataDir: this.dataDir,
      db: this.db,
      paperWidth: c.paperWidth,
      language: c.language,
      // The host answers sales and prints in one thread: ESC/POS encoding goes to the encoder thread.
      encodeOffThread: true,
      ...(this.transport && { transport: this.transport })
    })
    service.on('job', this.forward.job).on('status', this.forward.status).on('disk', this.forward.disk)
    return service
  }
}
