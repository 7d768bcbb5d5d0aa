/** Persistent print queue: one job at a time, held on printer trouble, never resent blindly. */
import { EventEmitter } from 'node:events'
import type { Database } from 'better-sqlite3'
import type {
  HeldCode,
  PrintJob,
  PrintJobKind,
  PrintJobState,
  PrinterStatus
} from '../../shared/receipt/printer-status'
import { type Receipt, type ReceiptInput, receiptSchema } from '../../shared/receipt/receipt-model'
import { type EncoderOptions, encodeReceipt } from './escpos-encoder'
import { encodeOffThread } from './off-thread-encoder'
import { PrintJobStore } from './print-job-store'
import { PrinterError, type PrinterTransport } from './printer-transport'
import { DomainError } from '../domain-error'
import { diskFault } from '../../platform/fs/disk-errors'
import { diskRefusal, diskReport, type DiskReport } from '../disk/disk-fault'

export interface PrintQueueOptions {
  db: Database | string
  transport: PrinterTransport
  encoder?: EncoderOptions
  /**
   * Encode receipts in the encoder thread when their turn to print comes, not in enqueue(): the
   * host's choice, so the sale that queued a receipt is answered without waiting for ESC/POS.
   */
  encodeOffThread?: boolean
  now?: () => number
  /** How long to wait before trying again while the disk refuses writes (default 5 s). */
  diskRetryMs?: number
}

export interface EnqueueMeta {
  /** Shown in job lists, e.g. the invoice number. */
  label?: string
  [key: string]: unknown
}

/**
 * Events: 'job' (PrintJob after every state change), 'status' (PrinterStatus after a send),
 * 'disk' (the queue file or the receipts folder could not write, or writes again).
 */
export interface PrintQueueEvents {
  job: [PrintJob]
  status: [PrinterStatus]
  disk: [DiskReport]
}

/** While the disk refuses writes, the queue tries again this often (and recovers by itself). */
const DISK_RETRY_MS = 5_000

const SETTLED: PrintJobState[] = ['printed', 'held', 'discarded']

function heldFrom(err: unknown): { code: HeldCode; reason: string; status: PrinterStatus } {
  const e = err instanceof PrinterError ? err : new PrinterError('io', String((err as Error)?.message ?? err), false)
  const code: HeldCode = e.code === 'disconnected' ? 'unreachable' : e.code
  const reason = e.nothingSent
    ? e.message
    : `${e.message} — the receipt may be partly printed: check it, then retry or discard`
  const state = e.code === 'io' ? 'disconnected' : e.code
  return {
    code,
    reason,
    status: {
      state,
      online: null,
      coverOpen: null,
      paper: e.code === 'paper-out' ? 'out' : 'unknown',
      detail: e.message
    }
  }
}

export class PrintQueue extends EventEmitter<PrintQueueEvents> {
  readonly store: PrintJobStore
  private readonly transport: PrinterTransport
  private readonly encoder: EncoderOptions
  private readonly offThread: boolean
  private running: Promise<void> | null = null
  private kicked = false
  private closed = false
  private started = false
  private retryTimer: NodeJS.Timeout | null = null
  /** A job whose outcome is known but could not be written (the disk): recorded before anything else is sent. */
  private unrecorded: { id: number; to: 'queued' | 'printed' } | null = null
  private readonly diskRetryMs: number

  constructor(options: PrintQueueOptions) {
    super()
    this.store = new PrintJobStore(options.db, options.now)
    this.transport = options.transport
    this.encoder = options.encoder ?? {}
    this.diskRetryMs = options.diskRetryMs ?? DISK_RETRY_MS
    this.offThread = options.encodeOffThread ?? false
    // Crash safety: never resend a job that was on its way out when the app stopped.
    this.store.holdInterrupted()
  }

  /** Starts sending: queued jobs left from before a restart go out first (they never left). */
  start(): void {
    this.started = true
    this.kick()
  }

  /** Persists the job, then wakes the worker. Returns the job as stored (state 'queued'). */
  /** `reprintOf`: the job this one is a later copy of (a copy never counts as the first print). */
  enqueue(
    kind: PrintJobKind,
    content: Receipt | ReceiptInput | Uint8Array,
    meta: EnqueueMeta = {},
    reprintOf: number | null = null
  ): PrintJob {
    const label = meta.label ?? null
    const job = this.saved(() =>
      content instanceof Uint8Array
        ? this.store.insert(kind, content, label, meta, reprintOf)
        : this.offThread
          ? this.store.insertUnencoded(kind, receiptSchema.parse(content), label, meta, reprintOf)
          : this.store.insert(kind, encodeReceipt(content, this.encoder), label, meta, reprintOf)
    )
    this.emit('job', job)
    this.kick()
    return job
  }

  /** A held job goes back in line. */
  retry(id: number): PrintJob {
    return this.move(id, ['held'], 'queued')
  }

  /** Drops a held or queued job; it stays listed as discarded. */
  discard(id: number): PrintJob {
    return this.move(id, ['held', 'queued'], 'discarded')
  }

  /** Queues one more copy of any earlier job, byte for byte. */
  reprint(id: number): PrintJob {
    const original = this.store.get(id)
    const bytes = this.bytes(id)
    if (!original || !bytes) throw new DomainError('not-found', `print job ${id} does not exist`)
    const job = this.saved(() => this.store.insert(original.kind, bytes, original.label, { reprintOf: id }, id))
    this.emit('job', job)
    this.kick()
    return job
  }

  /** Reprints the last job that printed (of `kind`, when given). */
  reprintLast(kind?: PrintJobKind): PrintJob {
    const last = this.store.lastPrinted(kind)
    if (!last) throw new DomainError('not-found', 'nothing has been printed yet')
    return this.reprint(last.reprintOf ?? last.id)
  }

  list(options: { limit?: number; state?: PrintJobState } = {}): PrintJob[] {
    return this.store.list(options.limit ?? 50, options.state)
  }

  get(id: number): PrintJob | undefined {
    return this.store.get(id)
  }

  /** The bytes of a job, for the on-screen preview (decode them with decodeEscPos). */
  bytes(id: number): Uint8Array | undefined {
    const model = this.store.unencoded(id)
    // Asked for before its turn came (a preview, a reprint): encoded here, once.
    if (model !== undefined) this.store.setEncoded(id, encodeReceipt(model as ReceiptInput, this.encoder))
    return this.store.bytes(id)
  }

  counts(): { queued: number; held: number } {
    return this.store.counts()
  }

  /** Resolves when the job is printed, held or discarded. */
  whenSettled(id: number): Promise<PrintJob> {
    return new Promise((resolve, reject) => {
      const current = this.store.get(id)
      if (!current) return reject(new DomainError('not-found', `print job ${id} does not exist`))
      if (SETTLED.includes(current.state)) return resolve(current)
      const onJob = (job: PrintJob): void => {
        if (job.id !== id || !SETTLED.includes(job.state)) return
        this.off('job', onJob)
        resolve(job)
      }
      this.on('job', onJob)
    })
  }

  /** Stops after the job being sent (never mid-job), then closes the database if we opened it. */
  async close(): Promise<void> {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    await this.running
    this.store.close()
  }

  private move(id: number, from: PrintJobState[], to: PrintJobState): PrintJob {
    const job = this.store.transition(id, from, to)
    if (!job) {
      const now = this.store.get(id)
      throw now
        ? new DomainError('invalid-input', `print job ${id} is ${now.state}, not ${from.join(' or ')}`)
        : new DomainError('not-found', `print job ${id} does not exist`)
    }
    this.emit('job', job)
    this.kick()
    return job
  }

  /** A new job's insert: refused as disk-full / disk-error when the disk is to blame. */
  private saved(insert: () => PrintJob): PrintJob {
    let job: PrintJob
    try {
      job = insert()
    } catch (err) {
      const fault = diskFault(err)
      if (!fault) throw err
      this.emit('disk', diskReport('print-queue', err)!)
      throw diskRefusal(fault, 'the print job')
    }
    this.emit('disk', { part: 'print-queue', fault: null })
    return job
  }

  /**
   * Writes the outcome of the last send. If the disk refuses it, the job stays 'printing' on
   * disk (a restart holds it for a person) and this runs again before the next send, so a
   * printed receipt is never sent twice and one saved nowhere goes back in line.
   */
  private recordOwed(): void {
    const owed = this.unrecorded
    if (!owed) return
    const job = this.store.transition(owed.id, ['printing'], owed.to)
    this.unrecorded = null
    if (job) this.emit('job', job)
  }

  /** Tries the queue again later: the disk may have space by then. */
  private retryLater(): void {
    if (this.retryTimer || this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.kick()
    }, this.diskRetryMs)
    this.retryTimer.unref()
  }

  /** The drain itself failed (its own bookkeeping could not be written): never an unhandled rejection. */
  private drainFailed(err: unknown): void {
    const report = diskReport('print-queue', err)
    if (report) this.emit('disk', report)
    else console.error('print queue: drain failed; trying again shortly', err)
    this.retryLater()
  }

  private kick(): void {
    this.kicked = true
    if (!this.started || this.running || this.closed) return
    this.running = this.drain()
      .catch((err: unknown) => this.drainFailed(err))
      .finally(() => {
        this.running = null
        // A kick that landed after drain() returned but before this callback would be lost.
        if (this.kicked) this.kick()
      })
  }

  private async drain(): Promise<void> {
    this.recordOwed()
    while (this.kicked && !this.closed) {
      this.kicked = false
      for (let job = this.store.nextQueued(); job && !this.closed; job = this.store.nextQueued()) {
        // After a hold the rest wait for the next enqueue or retry instead of all failing now.
        if (!(await this.send(job))) break
      }
    }
  }

  private async send(queued: PrintJob): Promise<boolean> {
    const model = this.store.unencoded(queued.id)
    let encoded: Uint8Array | undefined
    try {
      encoded = model === undefined ? undefined : await encodeOffThread(model as Receipt, this.encoder)
    } catch (err) {
      const reason = `the receipt could not be encoded: ${(err as Error).message}`
      const held = this.store.transition(queued.id, ['queued'], 'held', { code: 'error', reason })
      if (held) this.emit('job', held)
      return true
    }
    const job = this.store.transition(queued.id, ['queued'], 'printing', undefined, encoded)
    if (!job) return true
    this.emit('job', job)
    const bytes = this.store.bytes(job.id)!
    try {
      await this.transport.write(bytes, { jobId: job.id })
    } catch (err) {
      if (err instanceof PrinterError && err.diskFault) {
        // Saving to this computer's disk failed with nothing saved: not the printer's fault and
        // nothing a person must check, so the job waits in line and goes again once there is space.
        this.emit('disk', { part: 'receipts', fault: err.diskFault, detail: err.message })
        this.unrecorded = { id: job.id, to: 'queued' }
        this.recordOwed()
        this.retryLater()
        return false
      }
      const held = heldFrom(err)
      this.emit('job', this.store.transition(job.id, ['printing'], 'held', held)!)
      this.emit('status', held.status)
      return false
    }
    this.emit('disk', { part: 'receipts', fault: null })
    this.unrecorded = { id: job.id, to: 'printed' }
    this.recordOwed()
    this.emit('disk', { part: 'print-queue', fault: null })
    this.emit('status', {
      state: 'ok',
      online: null,
      coverOpen: null,
      paper: 'unknown',
      detail: `printed job ${job.id}`
    })
    return true
  }
}
