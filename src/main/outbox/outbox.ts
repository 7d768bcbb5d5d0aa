/**
 * The durable outbox: a sale is committed to SQLite before any send, sent one at a time in
 * order, and marked with the upstream's answer. Survives kill -9: see outbox-db.ts.
 */
import { EventEmitter } from 'node:events'
import { backoffDelay } from '../../shared/backoff'
import { STORE_TIME_ZONE } from '../../shared/local-day'
import type { AddTransactionResponse } from '../../shared/stamps'
import type { AddOptions, AddTransactionInput } from '../stamps'
import { StampsError } from '../stamps/stamps-error'
import { lookUpPostedSale, type LookupClient } from './duplicate-lookup'
import { openOutboxDb, type SyncMode } from './outbox-db'
import { OutboxStore, type OutboxItem, type OutboxState, type PostedResponse } from './outbox-store'
import { prepareSale, type QueuedSale } from './sale-key'
import { SaleWaiters, type SendOutcome } from './sale-waiters'
import { GroupCheckpoint, WakeableSleep } from './drain-timing'

/** The part of the Stamps client the outbox drives. */
export interface OutboxClient extends LookupClient {
  addTransaction(sale: AddTransactionInput, options?: AddOptions): Promise<AddTransactionResponse>
}

export interface OutboxOptions {
  dbPath: string
  client: OutboxClient
  /** 'NORMAL' (default): kill -9 safe at once, power-cut safe within flushMs. 'FULL': fsync per enqueue. */
  synchronous?: SyncMode
  flushMs?: number
  timeZone?: string
  merchantId?: number
  format?: 'json' | 'xml'
  /**
   * The client's own quick retries per send (default 2 tries, 50 to 200 ms apart): a stale
   * keep-alive socket or a one-off reset costs milliseconds, not a trip through the backoff.
   */
  sendRetry?: { maxAttempts: number; baseMs: number; capMs: number }
  /** Capped exponential backoff for network errors and 5xx. */
  backoff?: { baseMs: number; capMs: number }
  now?: () => number
  random?: () => number
}

export type OutboxEvents = {
  depth: [{ queued: number; failed: number }]
  change: [
    {
      id: number
      state: OutboxState
      attempts: number
      last_error: string | null
      field_errors: Array<[string, string]>
    }
  ]
  posted: [{ id: number; sale: QueuedSale; response: PostedResponse; duplicate: boolean }]
}

export class Outbox extends EventEmitter<OutboxEvents> {
  private readonly db
  private readonly store: OutboxStore
  private readonly waiters = new SaleWaiters()
  private readonly now: () => number
  private running = false
  private loop: Promise<void> | null = null
  private readonly idle = new WakeableSleep()
  // 'sending' lives in memory only: on disk the sale stays 'queued' until its outcome, so a
  // crash mid-send leaves it queued and it is resent (duplicate-invoice makes that safe).
  private inFlight: number | null = null
  private readonly flush: GroupCheckpoint

  constructor(private readonly opts: OutboxOptions) {
    super()
    this.now = opts.now ?? Date.now
    this.db = openOutboxDb(opts.dbPath)
    this.store = new OutboxStore(this.db, opts.synchronous ?? 'NORMAL')
    this.store.recoverInterrupted(this.now())
    this.flush = new GroupCheckpoint(() => {
      if (this.db.open) this.store.checkpoint()
    }, opts.flushMs ?? 200)
  }

  /**
   * Commits the sale before returning. The same key twice returns the first row, never a second
   * sale. `receiptOwed` records, in the same commit, that a loyalty receipt is due for it.
   */
  enqueue(sale: AddTransactionInput, options: { receiptOwed?: boolean } = {}): { item: OutboxItem; created: boolean } {
    const prepared = prepareSale(sale, this.now(), this.tz)
    const result = this.store.enqueue(prepared, this.now(), options.receiptOwed ?? false)
    // Stamps refused that sale, so nothing of it is upstream: the invoice sent again (typically
    // corrected) is a new try of it, never a second sale. Otherwise the old refusal is the
    // answer forever and the corrected sale is lost.
    if (!result.created && result.item.state === 'failed' && this.store.resend(result.item.id, prepared, this.now())) {
      const item = this.settle(result.item.id)
      this.idle.wake()
      return { item, created: true }
    }
    if (result.created) {
      this.flush.schedule()
      this.emitChange(result.item)
      this.emitDepth()
      this.idle.wake()
    }
    return result
  }

  /** For the bridge: queue, then wait up to waitMs for the upstream's answer. */
  async sendOrQueue(sale: AddTransactionInput, waitMs: number): Promise<SendOutcome> {
    return this.awaitOutcome(this.enqueue(sale).item, waitMs)
  }

  /** Waits up to waitMs for an enqueued item's outcome; `pending` when it is still queued. */
  awaitOutcome(item: OutboxItem, waitMs: number): Promise<SendOutcome> {
    const settled = SaleWaiters.outcomeOf(item)
    if (settled) return Promise.resolve(settled)
    return this.waiters.wait(item.id, waitMs, () => this.store.get(item.id) ?? item)
  }

  /** Claims an owed receipt: true for exactly one caller, who must then queue its print job. */
  claimReceipt(id: number): boolean {
    return this.store.markReceiptIssued(id)
  }

  /** Sales whose receipt is still owed (the app stopped between answer and print), oldest first. */
  receiptsOwed(): OutboxItem[] {
    return this.store.receiptsOwed().map((i) => this.overlay(i))
  }

  get(id: number): OutboxItem | undefined {
    const item = this.store.get(id)
    return item && this.overlay(item)
  }

  /** The newest sale with this invoice number at `store` (receipt reprint, sale cancel). */
  findByInvoice(store: number, invoice: string): OutboxItem | undefined {
    const item = this.store.byInvoice(store, invoice)
    return item && this.overlay(item)
  }

  /** Items in id order; `state: 'sending'` is the one in flight, `'queued'` the rest waiting. */
  list(filter: { state?: OutboxState; after?: number; limit?: number } = {}): OutboxItem[] {
    const dbState = filter.state === 'sending' ? 'queued' : (filter.state ?? null)
    const items = this.store.list(dbState, filter.after, filter.limit).map((i) => this.overlay(i))
    return filter.state ? items.filter((i) => i.state === filter.state) : items
  }

  depth(): { queued: number; failed: number } {
    return this.store.depth()
  }

  /** A person fixed a failed sale (or changed their mind on a discarded one): queue it again. */
  resend(id: number, fixedSale?: AddTransactionInput): OutboxItem {
    const current = this.store.get(id)
    if (!current) throw new Error(`no outbox item ${id}`)
    const prepared = prepareSale(fixedSale ?? current.sale, this.now(), this.tz)
    try {
      if (!this.store.resend(id, prepared, this.now()))
        throw new Error(`item ${id} is ${current.state}; only failed or discarded items can be resent`)
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new Error('another sale already holds this invoice number for that store and day', { cause: err })
      throw err
    }
    const item = this.settle(id)
    this.idle.wake()
    return item
  }

  /** Gives up on a queued or failed sale, on a person's word. A sale being sent cannot be discarded. */
  discard(id: number): OutboxItem {
    if (id === this.inFlight || !this.store.discard(id, this.now()))
      throw new Error(`item ${id} cannot be discarded now`)
    return this.settle(id)
  }

  /** Ends every backoff so the queue drains now (e.g. the network came back). */
  retryNow(): void {
    this.store.hurry(this.now())
    this.idle.wake()
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.drain()
  }

  /** Stops draining; resolves once the sale in flight (if any) has its answer recorded. */
  async stop(): Promise<void> {
    this.running = false
    this.idle.wake()
    await this.loop
    this.loop = null
  }

  async close(): Promise<void> {
    await this.stop()
    this.waiters.releaseAll((id) => this.store.get(id))
    this.flush.cancel()
    this.store.checkpoint()
    this.db.close()
  }

  private overlay(item: OutboxItem): OutboxItem {
    return item.id === this.inFlight && item.state === 'queued' ? { ...item, state: 'sending' } : item
  }

  // Equal jitter: tills coming back after one outage spread out, yet a sale never retries at once.
  private get backoff(): { baseMs: number; capMs: number } {
    return this.opts.backoff ?? { baseMs: 1_000, capMs: 60_000 }
  }

  private get tz(): string {
    return this.opts.timeZone ?? STORE_TIME_ZONE
  }

  // FIFO: when the head is backing off the upstream is down, so the sales behind it wait too;
  // failed sales leave the queue and never block it.
  private async drain(): Promise<void> {
    while (this.running) {
      try {
        const head = this.store.head()
        const wait = head ? head.next_attempt_at - this.now() : 60_000
        if (!head || wait > 0) await this.idle.sleep(wait)
        else await this.sendOne(head)
      } catch (err) {
        // A bug or a disk error must not stop the drain for good; the sale stays queued.
        this.inFlight = null
        console.error('outbox: drain step failed; retrying in 1 s', err)
        await this.idle.sleep(1_000)
      }
    }
  }

  private async sendOne(item: OutboxItem): Promise<void> {
    this.inFlight = item.id
    this.emitChange({ ...item, state: 'sending', attempts: item.attempts + 1 })
    let answer: AddTransactionResponse | undefined
    let error: unknown
    try {
      const retry = this.opts.sendRetry ?? { maxAttempts: 2, baseMs: 50, capMs: 200 }
      answer = await this.opts.client.addTransaction(item.sale, { retry, format: this.opts.format })
    } catch (err) {
      error = err
    }
    try {
      await this.record(item, answer, error)
    } finally {
      // Only once the outcome is on disk: until then (the duplicate lookup awaits) the row is
      // still 'queued', and a discard or fix of it would be overwritten by 'posted'.
      this.inFlight = null
    }
  }

  private async record(item: OutboxItem, answer: AddTransactionResponse | undefined, error: unknown): Promise<void> {
    if (answer) {
      this.store.markPosted(item.id, answer, false, this.now())
      this.afterPosted(item, answer, false)
    } else if (error instanceof StampsError && error.kind === 'duplicate') {
      // The spec's rule: the invoice is already there, so this sale was posted before
      // (typically by an attempt whose answer was lost). Never a new sale.
      const found = await lookUpPostedSale(this.opts.client, item.sale, item.local_date, {
        timeZone: this.tz,
        merchantId: this.opts.merchantId
      })
      this.store.markPosted(item.id, found, true, this.now())
      this.afterPosted(item, found, true)
    } else if (error instanceof StampsError && error.kind === 'validation') {
      this.store.markFailed(item.id, error.message, error.fieldErrors, this.now())
      this.settle(item.id)
    } else {
      // Network, timeout, 5xx, auth or config trouble: the sale itself is fine, keep it queued.
      const message = error instanceof Error ? error.message : String(error)
      this.store.markRetry(
        item.id,
        message,
        this.now() + backoffDelay(item.attempts + 1, { ...this.backoff, jitter: 'equal' }, this.opts.random),
        this.now()
      )
      this.settle(item.id)
    }
  }

  private afterPosted(item: OutboxItem, response: PostedResponse, duplicate: boolean): void {
    this.settle(item.id)
    this.fire('posted', { id: item.id, sale: item.sale, response, duplicate })
  }

  private settle(id: number): OutboxItem {
    this.flush.schedule()
    const item = this.store.get(id)!
    this.emitChange(item)
    this.emitDepth()
    this.waiters.notify(item)
    return item
  }

  // A throwing listener must never reach the drain loop: the sale's state is already committed.
  private fire<K extends keyof OutboxEvents>(event: K, payload: OutboxEvents[K][0]): void {
    try {
      ;(this.emit as (e: K, p: unknown) => boolean)(event, payload)
    } catch (err) {
      console.error(`outbox: a '${event}' listener threw`, err)
    }
  }

  private emitChange(i: OutboxItem): void {
    this.fire('change', {
      id: i.id,
      state: i.state,
      attempts: i.attempts,
      last_error: i.last_error,
      field_errors: i.field_errors
    })
  }

  private emitDepth(): void {
    if (this.listenerCount('depth') > 0) this.fire('depth', this.store.depth())
  }
}
