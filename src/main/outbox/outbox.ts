/**
 * The durable outbox: a sale is committed to SQLite before any send, sent one at a time in
 * order, and marked with the upstream's answer. The file is the one source of truth about every
 * sale (its state, attempts, the send in flight, the answer, a duplicate's lookup); memory holds
 * only callers waiting for an answer and timers. Survives kill -9: see outbox-db.ts.
 */
import { EventEmitter } from 'node:events'
import type Database from 'better-sqlite3'
import type { AddTransactionInput } from '../stamps'
import { GroupCheckpoint } from './drain-timing'
import { openOutboxDb } from './outbox-db'
import { OutboxDrain } from './outbox-drain'
import { OutboxSignals, type OutboxEvents } from './outbox-events'
import type { OutboxOptions } from './outbox-options'
import type { OutboxItem, OutboxState } from './outbox-rows'
import { OutboxStore } from './outbox-store'
import { invoiceTakenError, sameSale } from './sale-identity'
import { prepareSale } from './sale-key'
import { SaleWaiters, type SendOutcome } from './sale-waiters'
import { DomainError } from '../domain-error'
import { diskFault } from '../../platform/fs/disk-errors'
import { diskRefusal } from '../disk/disk-fault'

export type { OutboxClient, OutboxOptions } from './outbox-options'
export type { OutboxEvents } from './outbox-events'

export class Outbox extends EventEmitter<OutboxEvents> {
  private readonly db: Database.Database
  private readonly store: OutboxStore
  private readonly waiters = new SaleWaiters()
  private readonly flush: GroupCheckpoint
  private readonly signals: OutboxSignals
  private readonly drain: OutboxDrain
  private readonly now: () => number

  constructor(private readonly opts: OutboxOptions) {
    super()
    this.now = opts.now ?? Date.now
    this.db = openOutboxDb(opts.dbPath)
    this.store = new OutboxStore(this.db, opts.synchronous ?? 'NORMAL')
    this.store.recoverInterrupted(this.now())
    this.flush = new GroupCheckpoint(
      () => {
        if (this.db.open) this.store.checkpoint()
      },
      opts.flushMs ?? 200,
      (err) => this.checkpointed(err)
    )
    this.signals = new OutboxSignals(this, this.store, this.waiters, this.flush)
    this.drain = new OutboxDrain(this.store, this.signals, opts)
  }

  /**
   * Commits the sale before returning. The same sale sent again under its key (store, invoice,
   * day) returns the first row, never a second sale; another sale under a key already held is
   * refused as Stamps refuses it (see sale-identity.ts) and nothing of it is recorded.
   * `receiptOwed` records, in the same commit, that a loyalty receipt is due for it.
   */
  enqueue(sale: AddTransactionInput, options: { receiptOwed?: boolean } = {}): { item: OutboxItem; created: boolean } {
    const prepared = prepareSale(sale, this.now(), this.opts.timeZone)
    const result = this.written(() => this.store.enqueue(prepared, this.now(), options.receiptOwed ?? false))
    // Stamps refused that sale, so nothing of it is upstream: the invoice sent again (typically
    // corrected) is a new try of it, never a second sale. Otherwise the old refusal is the
    // answer forever and the corrected sale is lost.
    if (
      !result.created &&
      result.item.state === 'failed' &&
      this.written(() => this.store.resend(result.item.id, prepared, this.now()))
    ) {
      const item = this.signals.settled(result.item.id)
      this.drain.wake()
      return { item, created: true }
    }
    // Privacy and money: the row's answer is another member's stamps and id, and this sale
    // would otherwise be dropped while its caller is told it posted.
    if (!result.created && !sameSale(result.item.sale, prepared.sale)) throw invoiceTakenError()
    if (result.created) {
      this.signals.announce(result.item)
      this.drain.wake()
    }
    return result
  }

  /**
   * Runs a write of a sale the caller is waiting on. The disk failing it (full, I/O error) is
   * reported and refused as `disk-full` / `disk-error`: the caller must never hear that a sale
   * is queued when it is not on disk. A write that works clears a failing outbox.
   */
  private written<T>(write: () => T): T {
    let result: T
    try {
      result = write()
    } catch (err) {
      const fault = diskFault(err)
      if (!fault) throw err
      this.signals.diskFailed('outbox', err)
      throw diskRefusal(fault, 'the sale')
    }
    this.signals.diskWrote('outbox')
    return result
  }

  private checkpointed(err: unknown): void {
    if (err === null) this.signals.diskWrote('outbox-checkpoint')
    else if (!this.signals.diskFailed('outbox-checkpoint', err)) console.error('outbox: checkpoint failed', err)
  }

  /** For the bridge: queue, then wait up to waitMs for the upstream's answer. */
  async sendOrQueue(sale: AddTransactionInput, waitMs: number): Promise<SendOutcome> {
    return this.awaitOutcome(this.enqueue(sale).item, waitMs)
  }

  /**
   * Waits up to waitMs for an enqueued item's outcome; `pending` when it is still queued, at once
   * when `giveUp` is aborted (the upstream is known to be down). An outcome on disk comes first.
   */
  awaitOutcome(item: OutboxItem, waitMs: number, giveUp?: AbortSignal): Promise<SendOutcome> {
    const current = () => this.store.get(item.id) ?? item
    const settled = SaleWaiters.outcomeOf(current())
    if (settled) return Promise.resolve(settled)
    return this.waiters.wait(item.id, waitMs, current, giveUp)
  }

  /** Claims an owed receipt: true for exactly one caller, who must then queue its print job. */
  claimReceipt(id: number): boolean {
    return this.store.markReceiptIssued(id)
  }

  /** Sales whose receipt is still owed (the app stopped between answer and print), oldest first. */
  receiptsOwed(): OutboxItem[] {
    return this.store.receiptsOwed()
  }

  get(id: number): OutboxItem | undefined {
    return this.store.get(id)
  }

  /** The newest sale with this invoice number at `store` (receipt reprint, sale cancel). */
  findByInvoice(store: number, invoice: string): OutboxItem | undefined {
    return this.store.byInvoice(store, invoice)
  }

  /** A store's sales of one local day (YYYY-MM-DD), oldest first, at most `limit`. */
  day(store: number, localDate: string, limit = 2_000): OutboxItem[] {
    return this.store.day(store, localDate, limit)
  }

  /** Stamps cancelled this posted sale: today's sales show it cancelled. False when the key holds none. */
  markCanceled(store: number, invoice: string, localDate: string): boolean {
    return this.store.markCanceled(store, invoice, localDate, this.now())
  }

  /** Items in id order; `state: 'sending'` is the one in flight, `'queued'` the rest waiting. */
  list(filter: { state?: OutboxState; after?: number; limit?: number } = {}): OutboxItem[] {
    return this.store.list(filter.state ?? null, filter.after, filter.limit)
  }

  depth(): { queued: number; failed: number } {
    return this.store.depth()
  }

  /** When the oldest sale still waiting for Stamps (queued or sending) was queued, or null when none is. */
  oldestPendingAt(): number | null {
    return this.store.oldestPendingAt()
  }

  /** A person fixed a failed sale (or changed their mind on a discarded one): queue it again. */
  resend(id: number, fixedSale?: AddTransactionInput): OutboxItem {
    const current = this.store.get(id)
    if (!current) throw new DomainError('not-found', `No queued sale ${id}.`)
    const prepared = prepareSale(fixedSale ?? current.sale, this.now(), this.opts.timeZone)
    try {
      if (!this.written(() => this.store.resend(id, prepared, this.now())))
        throw new DomainError(
          'invalid-input',
          `This sale is ${current.state}; only failed or discarded sales can be resent.`
        )
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new DomainError(
          'invalid-input',
          'Another sale already holds this invoice number for that store and day.',
          [['invoice_number', 'already used by another sale today']]
        )
      throw err
    }
    const item = this.signals.settled(id)
    this.drain.wake()
    return item
  }

  /** Gives up on a queued or failed sale, on a person's word. A sale being sent cannot be discarded. */
  discard(id: number): OutboxItem {
    if (!this.written(() => this.store.discard(id, this.now())))
      throw new DomainError('invalid-input', `Sale ${id} cannot be discarded now: it is being sent or already settled.`)
    return this.signals.settled(id)
  }

  /** Ends every backoff so the queue drains now (e.g. the network came back). */
  retryNow(): void {
    this.store.hurry(this.now())
    this.drain.wake()
  }

  start(): void {
    this.drain.start()
  }

  /** Stops draining; resolves once the sale in flight (if any) has its answer recorded. */
  stop(): Promise<void> {
    return this.drain.stop()
  }

  async close(): Promise<void> {
    await this.stop()
    this.waiters.releaseAll((id) => this.store.get(id))
    this.flush.cancel()
    this.store.checkpoint()
    this.db.close()
  }
}
