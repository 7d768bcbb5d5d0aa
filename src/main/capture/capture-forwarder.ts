/**
 * Sends captured jobs to the real printer one at a time, oldest first, fail-open: the loyalty
 * path gets `budgetMs` to produce a footer; late or failing, the job prints exactly as the POS
 * sent it. A job nothing of which reached the printer is tried again; one that may have partly
 * printed is held for a person (printing it again could print the receipt twice).
 */
import type { PrinterTransport } from '../printer'
import { PrinterError } from '../printer'
import type { CaptureJob, CaptureStore } from './capture-store'
import { spliceFooter } from './footer-splice'

/** The footer bytes for a job (null: none), from the loyalty path. May take long; may throw. */
export type FooterFor = (job: CaptureJob) => Promise<Uint8Array | null>

export interface ForwarderOptions {
  store: CaptureStore
  /** The real printer, built from the current printer setting. */
  transport: () => PrinterTransport
  footerFor?: FooterFor
  /** How much later than the POS's own bytes a receipt may print while waiting for its footer. */
  budgetMs?: number
  retryMs?: number
  now?: () => number
  log?: (line: string) => void
}

export class CaptureForwarder {
  private running = false
  private again = false
  private retry: NodeJS.Timeout | undefined
  private closed = false
  private idle: Promise<void> = Promise.resolve()

  constructor(private readonly o: ForwarderOptions) {}

  /** Forwards every waiting job; calls while running make it look again when done. */
  wake(): void {
    if (this.closed) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    this.idle = this.drain().finally(() => {
      this.running = false
      if (this.again && !this.closed) {
        this.again = false
        this.wake()
      }
    })
  }

  /** Resolves once nothing is being forwarded (tests, shutdown). */
  settled(): Promise<void> {
    return this.idle
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.retry)
    await this.idle
  }

  private async drain(): Promise<void> {
    for (let job = this.o.store.waiting()[0]; job && !this.closed; job = this.o.store.waiting()[0]) {
      if (!(await this.forward(job))) {
        clearTimeout(this.retry)
        this.retry = setTimeout(() => this.wake(), this.o.retryMs ?? 2000)
        this.retry.unref()
        return
      }
    }
  }

  /** False when the printer could not take it (the job waits and is tried again). */
  private async forward(job: CaptureJob): Promise<boolean> {
    const { store, log = () => undefined, now = Date.now } = this.o
    const footer = await this.footer(job)
    const bytes = (footer && spliceFooter(job.bytes, footer)) ?? job.bytes
    store.forwarding(job.id)
    const transport = this.o.transport()
    try {
      await transport.write(bytes, { jobId: `capture-${job.id}` })
      store.forwarded(job.id, bytes !== job.bytes, now())
      return true
    } catch (err) {
      const e = err instanceof PrinterError ? err : new PrinterError('io', String(err), false)
      store.failed(job.id, e.code, !e.nothingSent)
      log(`capture: job ${job.id} ${e.nothingSent ? 'waits for the printer' : 'held'}: ${e.message}`)
      return !e.nothingSent
    } finally {
      await transport.close().catch(() => undefined)
    }
  }

  /** The footer if the loyalty path has it within the budget; never throws. */
  private async footer(job: CaptureJob): Promise<Uint8Array | null> {
    if (!this.o.footerFor) return null
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.o.budgetMs ?? 50)))
    const made = this.o.footerFor(job).catch((err: Error) => {
      this.o.log?.(`capture: job ${job.id} prints without its footer: ${err.message}`)
      return null
    })
    try {
      return await Promise.race([made, late])
    } finally {
      clearTimeout(timer)
    }
  }
}
