/**
 * The drain loop: asks the file what comes next, sends it, and commits the answer before the
 * next step. FIFO: while the head backs off the upstream is down, so the sales behind it wait
 * too; failed sales leave the queue and never block it.
 */
import { backoffDelay } from '../../shared/backoff'
import { STORE_TIME_ZONE } from '../../shared/local-day'
import type { AddTransactionResponse } from '../../shared/stamps'
import { StampsError } from '../stamps/stamps-error'
import { WakeableSleep } from './drain-timing'
import { lookUpPostedSale } from './duplicate-lookup'
import type { OutboxSignals } from './outbox-events'
import type { OutboxOptions } from './outbox-options'
import type { OutboxItem } from './outbox-rows'
import type { OutboxStore } from './outbox-store'

export class OutboxDrain {
  private running = false
  private loop: Promise<void> | null = null
  private readonly idle = new WakeableSleep()
  private readonly now: () => number

  constructor(
    private readonly store: OutboxStore,
    private readonly signals: OutboxSignals,
    private readonly opts: OutboxOptions
  ) {
    this.now = opts.now ?? Date.now
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** Resolves once the sale in flight (if any) has its answer, and its lookup, on disk. */
  async stop(): Promise<void> {
    this.running = false
    this.idle.wake()
    await this.loop
    this.loop = null
  }

  /** Ends the idle wait: a new sale must not wait out the poll. */
  wake(): void {
    this.idle.wake()
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (await this.step()) this.signals.diskWrote('outbox')
      } catch (err) {
        // A bug or a disk error must not stop the drain for good. Nothing else is in flight, so
        // a sale this step left 'sending' goes back to the queue, to be sent again.
        if (!this.signals.diskFailed('outbox', err)) console.error('outbox: drain step failed; retrying in 1 s', err)
        try {
          this.store.recoverInterrupted(this.now())
        } catch {
          // the disk is still failing: the next step's read will say so again
        }
        await this.idle.sleep(1_000)
      }
    }
  }

  /**
   * Whatever the file says comes next: a lookup a stop cut short, else the head once it is due.
   * True when the step wrote to the file (a failing outbox has recovered then).
   */
  private async step(): Promise<boolean> {
    const lookup = this.store.lookupDue()
    if (lookup) {
      await this.finishDuplicate(lookup)
      return true
    }
    const head = this.store.head()
    const wait = head ? head.next_attempt_at - this.now() : 60_000
    if (!head || wait > 0) {
      await this.idle.sleep(wait)
      return false
    }
    return this.send(head)
  }

  private async send(head: OutboxItem): Promise<boolean> {
    const item = this.store.markSending(head.id, this.now())
    if (!item) return false
    this.signals.sending(item)
    let answer: AddTransactionResponse | undefined
    let error: unknown
    try {
      const retry = this.opts.sendRetry ?? { maxAttempts: 2, baseMs: 50, capMs: 200 }
      answer = await this.opts.client.addTransaction(item.sale, { retry, format: this.opts.format })
    } catch (err) {
      error = err
    }
    await this.record(item, answer, error)
    return true
  }

  private async record(item: OutboxItem, answer: AddTransactionResponse | undefined, error: unknown): Promise<void> {
    if (answer) {
      this.store.markPosted(item.id, answer, false, this.now())
      this.signals.posted(item.id, answer, false)
    } else if (error instanceof StampsError && error.kind === 'duplicate') {
      // The spec's rule: the invoice is already there, so this sale was posted before
      // (typically by an attempt whose answer was lost). Never a new sale. Committed first, so
      // a stop during the lookup resumes the lookup, not the sending.
      this.store.markDuplicate(item.id, this.now())
      await this.finishDuplicate(item)
    } else if (error instanceof StampsError && error.kind === 'validation') {
      this.store.markFailed(item.id, error.message, error.fieldErrors, this.now())
      this.signals.settled(item.id)
    } else {
      // Network, timeout, 5xx, auth or config trouble: the sale itself is fine, keep it queued.
      // Equal jitter: tills back after one outage spread out, yet none retries at once.
      const message = error instanceof Error ? error.message : String(error)
      const policy = { ...(this.opts.backoff ?? { baseMs: 1_000, capMs: 60_000 }), jitter: 'equal' as const }
      const nextAt = this.now() + backoffDelay(item.attempts, policy, this.opts.random)
      this.store.markRetry(item.id, message, nextAt, this.now())
      this.signals.settled(item.id)
    }
  }

  /** Still 'sending' on disk until this commits: a person cannot discard or fix a sale the upstream holds. */
  private async finishDuplicate(item: OutboxItem): Promise<void> {
    const found = await lookUpPostedSale(this.opts.client, item.sale, item.local_date, {
      timeZone: this.opts.timeZone ?? STORE_TIME_ZONE,
      merchantId: this.opts.merchantId
    })
    this.store.markPosted(item.id, found, true, this.now())
    this.signals.posted(item.id, found, true)
  }
}
