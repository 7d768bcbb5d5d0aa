/** Every SQL statement of the outbox, as prepared statements over its one connection. */
import type Database from 'better-sqlite3'
import { makeDurable, type SyncMode } from './outbox-db'
import { toItem, type OutboxItem, type OutboxRow, type OutboxState, type PostedResponse } from './outbox-rows'
import type { PreparedSale } from './sale-key'

/** The item types this store reads and writes, importable from it as they always were. */
export type { OutboxItem, OutboxState, PostedResponse } from './outbox-rows'

/**
 * Each method is one statement, so each state change is atomic under kill -9. The outcome marks
 * move only a row that is 'sending': an answer can never land on a sale a person discarded or
 * fixed meanwhile, and the SQL itself refuses to discard or fix a sale while it is in flight.
 */
export class OutboxStore {
  private readonly s
  private readonly durable: <T>(write: () => T) => T
  constructor(
    private readonly db: Database.Database,
    durability: SyncMode = 'NORMAL'
  ) {
    this.durable = makeDurable(db, durability)
    const p = (sql: string) => db.prepare(sql)
    const sending = (set: string) => p(`UPDATE outbox_sales SET ${set} WHERE id = @id AND state = 'sending'`)
    this.s = {
      insert:
        p(`INSERT INTO outbox_sales (store, invoice_number, local_date, payload, state, next_attempt_at, created_at, updated_at, receipt)
        VALUES (@store, @invoice_number, @local_date, @payload, 'queued', @now, @now, @now, @receipt)
        ON CONFLICT (store, invoice_number, local_date) DO NOTHING`),
      byKey: p('SELECT * FROM outbox_sales WHERE store = ? AND invoice_number = ? AND local_date = ?'),
      get: p('SELECT * FROM outbox_sales WHERE id = ?'),
      list: p(
        'SELECT * FROM outbox_sales WHERE (@state IS NULL OR state = @state) AND id > @after ORDER BY id LIMIT @limit'
      ),
      head: p("SELECT * FROM outbox_sales WHERE state = 'queued' ORDER BY id LIMIT 1"),
      lookupDue: p("SELECT * FROM outbox_sales WHERE state = 'sending' AND duplicate = 1 ORDER BY id LIMIT 1"),
      byInvoice: p('SELECT * FROM outbox_sales WHERE store = ? AND invoice_number = ? ORDER BY id DESC LIMIT 1'),
      sending: p(
        "UPDATE outbox_sales SET state = 'sending', attempts = attempts + 1, updated_at = @now WHERE id = @id AND state = 'queued'"
      ),
      duplicate: sending('duplicate = 1, updated_at = @now'),
      posted: sending(`state = 'posted', response = @response, duplicate = @duplicate, last_error = NULL,
        field_errors = NULL, posted_at = @now, updated_at = @now`),
      retry: sending("state = 'queued', last_error = @error, next_attempt_at = @nextAt, updated_at = @now"),
      failed: sending("state = 'failed', last_error = @error, field_errors = @fields, updated_at = @now"),
      resend: p(`UPDATE outbox_sales SET state = 'queued', store = ?, invoice_number = ?, local_date = ?, payload = ?,
        last_error = NULL, field_errors = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'discarded')`),
      discard: p(
        "UPDATE outbox_sales SET state = 'discarded', updated_at = ? WHERE id = ? AND state IN ('queued', 'failed')"
      ),
      recover: p(
        "UPDATE outbox_sales SET state = 'queued', next_attempt_at = ? WHERE state = 'sending' AND duplicate = 0"
      ),
      hurry: p("UPDATE outbox_sales SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?"),
      depth: p('SELECT state, n FROM outbox_depth'),
      day: p('SELECT * FROM outbox_sales WHERE store = ? AND local_date = ? ORDER BY id LIMIT ?'),
      canceled: p(
        "UPDATE outbox_sales SET canceled_at = ?, updated_at = ? WHERE store = ? AND invoice_number = ? AND local_date = ? AND state = 'posted' AND canceled_at IS NULL"
      ),
      // The first row of each state by id (the state index), not a scan of the queue.
      oldestPending: p(`SELECT min(t) AS t FROM (
        SELECT * FROM (SELECT created_at AS t FROM outbox_sales WHERE state = 'queued' ORDER BY id LIMIT 1)
        UNION ALL SELECT * FROM (SELECT created_at AS t FROM outbox_sales WHERE state = 'sending' ORDER BY id LIMIT 1))`),
      receiptIssued: p("UPDATE outbox_sales SET receipt = 'issued' WHERE id = ? AND receipt = 'owed'"),
      receiptsOwed: p(
        "SELECT * FROM outbox_sales WHERE receipt = 'owed' AND state IN ('queued', 'sending', 'posted') ORDER BY id"
      )
    }
  }

  /** Inserts unless the key exists; either way returns the row that holds the key. */
  enqueue(p: PreparedSale, now: number, receiptOwed = false): { item: OutboxItem; created: boolean } {
    const receipt = receiptOwed ? 'owed' : null
    const created =
      this.durable(() => this.s.insert.run({ ...p, payload: JSON.stringify(p.sale), now, receipt })).changes === 1
    return { item: toItem(this.s.byKey.get(p.store, p.invoice_number, p.local_date) as OutboxRow), created }
  }

  get(id: number): OutboxItem | undefined {
    return this.one(this.s.get.get(id))
  }

  list(state: OutboxState | null, after = 0, limit = 500): OutboxItem[] {
    return (this.s.list.all({ state, after, limit }) as OutboxRow[]).map(toItem)
  }

  /** The newest sale with this invoice at this store, whatever its day (the cashier desk's lookups). */
  byInvoice(store: number, invoice: string): OutboxItem | undefined {
    return this.one(this.s.byInvoice.get(store, invoice))
  }

  /** A store's sales of one local day, oldest first (the desk's today's sales). */
  day(store: number, localDate: string, limit: number): OutboxItem[] {
    return (this.s.day.all(store, localDate, limit) as OutboxRow[]).map(toItem)
  }

  /** Records Stamps' confirmed cancel of a posted sale; false when no posted, uncancelled sale has that key. */
  markCanceled(store: number, invoice: string, localDate: string, now: number): boolean {
    return this.durable(() => this.s.canceled.run(now, now, store, invoice, localDate)).changes === 1
  }

  head(): OutboxItem | undefined {
    return this.one(this.s.head.get())
  }

  /** A sale the upstream already holds whose lookup a stop cut short: it is finished before anything is sent. */
  lookupDue(): OutboxItem | undefined {
    return this.one(this.s.lookupDue.get())
  }

  /** Claims the queued sale for one send (attempts counts it now); undefined if it is no longer queued. */
  markSending(id: number, now: number): OutboxItem | undefined {
    return this.s.sending.run({ id, now }).changes === 1 ? this.get(id) : undefined
  }

  /** The upstream answered duplicate-invoice: the sale is there, only its figures are still to look up. */
  markDuplicate(id: number, now: number): void {
    this.expectSending(id, this.s.duplicate.run({ id, now }))
  }

  markPosted(id: number, response: PostedResponse, duplicate: boolean, now: number): void {
    const values = { id, now, response: JSON.stringify(response), duplicate: duplicate ? 1 : 0 }
    this.expectSending(id, this.s.posted.run(values))
  }

  markRetry(id: number, error: string, nextAt: number, now: number): void {
    this.expectSending(id, this.s.retry.run({ id, now, error, nextAt }))
  }

  markFailed(id: number, error: string, fieldErrors: Array<[string, string]>, now: number): void {
    this.expectSending(id, this.s.failed.run({ id, now, error, fields: JSON.stringify(fieldErrors) }))
  }

  /** Throws SQLITE_CONSTRAINT_UNIQUE when the fixed key belongs to another sale. */
  resend(id: number, p: PreparedSale, now: number): boolean {
    const run = () => this.s.resend.run(p.store, p.invoice_number, p.local_date, JSON.stringify(p.sale), now, now, id)
    return this.durable(run).changes === 1
  }

  discard(id: number, now: number): boolean {
    return this.durable(() => this.s.discard.run(now, id)).changes === 1
  }

  /** Sends the app stopped in the middle of go back to the queue: resending is safe (duplicate-invoice). */
  recoverInterrupted(now: number): number {
    return this.s.recover.run(now).changes
  }

  /** Ends every backoff now, e.g. when the network is known to be back. */
  hurry(now: number): void {
    this.s.hurry.run(now, now)
  }

  /** Copies the WAL into the database, fsyncing both: everything committed so far is now power-safe. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)')
  }

  /** True when this call moved the receipt from owed to issued (so exactly one caller prints). */
  markReceiptIssued(id: number): boolean {
    return this.s.receiptIssued.run(id).changes === 1
  }

  receiptsOwed(): OutboxItem[] {
    return (this.s.receiptsOwed.all() as OutboxRow[]).map(toItem)
  }

  depth(): { queued: number; failed: number } {
    const n = Object.fromEntries(
      (this.s.depth.all() as Array<{ state: OutboxState; n: number }>).map((r) => [r.state, r.n])
    )
    return { queued: (n.queued ?? 0) + (n.sending ?? 0), failed: n.failed ?? 0 }
  }

  oldestPendingAt(): number | null {
    return (this.s.oldestPending.get() as { t: number | null }).t
  }

  private one(row: unknown): OutboxItem | undefined {
    return row === undefined ? undefined : toItem(row as OutboxRow)
  }

  private expectSending(id: number, result: Database.RunResult): void {
    if (result.changes !== 1) throw new Error(`outbox: sale ${id} was no longer being sent when its answer came`)
  }
}
