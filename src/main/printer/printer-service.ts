/** The printer facade the host, IPC and bridge call: templates in, queued jobs and status out. */
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { type DecodedReceipt, decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { PrintJob, PrintJobKind, PrintJobState, PrinterStatus } from '../../shared/receipt/printer-status'
import type { Columns } from '../../shared/receipt/receipt-model'
import type { Language } from '../../shared/i18n'
import type { LoyaltySaleInput, MemberSlipInput } from '../../shared/receipt/template-inputs'
import { loyaltyReceipt, memberSlip, testPage } from '../../shared/receipt/templates'
import { createTransport, defaultPrinterSpec } from './create-transport'
import { type EncoderOptions, encoderOptionsFor } from './escpos-encoder'
import { PrintQueue, type PrintQueueEvents } from './print-queue'
import { type PrinterProfile, resolveProfile } from './printer-models'
import { formatPrinterSpec, parsePrinterSpec } from './printer-spec'
import type { PrinterTransport } from './printer-transport'

export interface PrinterServiceOptions {
  /** Spec from settings or `--printer`; null or absent: the virtual printer in dataDir/receipts. */
  spec?: string | null
  dataDir: string
  /** The queue database (a shared connection or a path); default dataDir/print-queue.sqlite. */
  db?: Database | string
  /** The generic paper width when the spec names no model and no columns. */
  paperWidth?: 58 | 80
  /** Overrides what the printer's profile implies (tests). */
  encoder?: EncoderOptions
  /** The receipts' language; English when not given. */
  language?: Language
  /** Encode receipts in the encoder thread when they print (the host), not when they are queued. */
  encodeOffThread?: boolean
  /** Replaces the transport built from the spec (tests, or a custom adapter). */
  transport?: PrinterTransport
  now?: () => number
}

export class PrinterService extends EventEmitter<PrintQueueEvents> {
  readonly columns: Columns
  /** The printer model (or generic paper) the receipts are laid out and encoded for. */
  readonly profile: PrinterProfile
  /** Canonical spec string of the target, for logs and the status screen. */
  readonly target: string
  readonly queue: PrintQueue
  private readonly transport: PrinterTransport
  private readonly language: Language
  private readonly now: () => number

  constructor(options: PrinterServiceOptions) {
    super()
    const spec = parsePrinterSpec(options.spec ?? defaultPrinterSpec(options.dataDir))
    this.profile = resolveProfile({ model: spec.model, columns: spec.columns, paperWidth: options.paperWidth ?? 58 })
    this.columns = this.profile.columns
    this.target = formatPrinterSpec(spec)
    this.transport = options.transport ?? createTransport(spec, { columns: this.columns })
    this.language = options.language ?? 'en'
    this.now = options.now ?? Date.now
    this.queue = new PrintQueue({
      db: options.db ?? join(options.dataDir, 'print-queue.sqlite'),
      transport: this.transport,
      encoder: options.encoder ?? encoderOptionsFor(this.profile),
      encodeOffThread: options.encodeOffThread ?? false,
      now: this.now
    })
    this.queue.on('job', (job) => this.emit('job', job))
    this.queue.on('status', (status) => this.emit('status', status))
    this.queue.on('disk', (report) => this.emit('disk', report))
  }

  /** Begins sending queued jobs (including those queued before a restart). */
  start(): void {
    this.queue.start()
  }

  /** Queues the loyalty receipt of a sale; `pending` sales say their stamps are on the way. */
  /** Queues a sale's receipt; its data stays in the job's meta so a copy can be printed marked as one. */
  printReceipt(sale: LoyaltySaleInput, copyOf: number | null = null): PrintJob {
    const model = loyaltyReceipt(sale, { columns: this.columns, language: this.language })
    const meta = { label: sale.invoice_number, pending: sale.pending ?? false, sale }
    return this.queue.enqueue('receipt', model, meta, copyOf)
  }

  /** Queues the kiosk member slip. */
  printMemberSlip(member: MemberSlipInput): PrintJob {
    return this.queue.enqueue('member-slip', memberSlip(member, { columns: this.columns, language: this.language }), {
      label: 'member slip'
    })
  }

  testPrint(): PrintJob {
    return this.queue.enqueue('test', testPage(this.columns, new Date(this.now()), this.target, this.profile.name), {
      label: 'test print'
    })
  }

  /** Asks the printer now (DLE EOT on tcp) and announces the answer as a 'status' event. */
  async status(): Promise<PrinterStatus> {
    const status = await this.transport.status()
    this.emit('status', status)
    return status
  }

  jobs(options: { limit?: number; state?: PrintJobState } = {}): PrintJob[] {
    return this.queue.list(options)
  }

  retry(id: number): PrintJob {
    return this.queue.retry(id)
  }

  discard(id: number): PrintJob {
    return this.queue.discard(id)
  }

  reprint(id: number): PrintJob {
    return this.queue.reprint(id)
  }

  reprintLast(kind: PrintJobKind = 'receipt'): PrintJob {
    return this.queue.reprintLast(kind)
  }

  /** The job decoded as the printer reads it, for the on-screen receipt preview. */
  preview(id: number): DecodedReceipt | undefined {
    const bytes = this.queue.bytes(id)
    return bytes && decodeEscPos(bytes)
  }

  whenSettled(id: number): Promise<PrintJob> {
    return this.queue.whenSettled(id)
  }

  /** The sale's latest receipt job and what it was queued with (`pending` when stamps were unknown). */
  receiptFor(invoice: string): { job: PrintJob; pending: boolean } | undefined {
    const job = this.queue.store.lastByLabel('receipt', invoice)
    if (!job) return undefined
    const meta = this.queue.store.meta(job.id) as { pending?: boolean } | undefined
    return { job, pending: meta?.pending === true }
  }

  /** Held and queued counts for the status bar. */
  counts(): { queued: number; held: number } {
    return this.queue.counts()
  }

  async close(): Promise<void> {
    await this.queue.close()
    await this.transport.close()
  }
}
