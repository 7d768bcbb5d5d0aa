/** Every SQL statement of the outbox, as prepared statements over its one connection. */
import type Database from 'better-sqlite3'
import { makeDurable, type SyncMode } from './outbox-db'
import { queuedTransactionResponseSchema } from '../../shared/stamps'
import type { z } from 'zod'
import type { PreparedSale, QueuedSale } from './sale-key'

export type OutboxState = 'queued' | 'sending' | 'posted' | 'failed' | 'discarded'

/** What a posted sale answered: the upstream's answer, or what a duplicate's lookup recovered. */
export const postedResponseSchema = queuedTransactionResponseSchema.pick({ customer: true, transaction: true })
export type PostedResponse = z.infer<typeof postedResponseSchema>

export interface OutboxItem {
  id: number
  store: number
  invoice_number: string
  local_date: string
  sale: QueuedSale
  state: OutboxState
  attempts: number
  next_attempt_at: number
  last_error: string | null
  field_errors: Array<[string, string]>
  response: PostedResponse | null
  /** Posted by an earlier attempt (the upstream answered duplicate-invoice). */
  duplicate: boolean
  /** The loyalty receipt this sale is owed, until its print job exists. */
  receipt: 'owed' | 'issued' | null
  created_at: number
  updated_at: number
  posted_at: number | null
}

interface Row extends Omit<OutboxItem, 'sale' | 'field_errors' | 'response' | 'duplicate'> {
  payload: string
  field_errors: string | null
  response: string | null
  duplicate: number
}

const toItem = (r: Row): OutboxItem => ({
  ...r,
  sale: JSON.parse(r.payload) as QueuedSale,
  field_errors: r.field_errors ? (JSON.parse(r.field_errors) as Array<[string, string]>) : [],
  response: r.response ? (JSON.parse(r.response) as PostedResponse) : null,
  duplicate: r.duplicate === 1
})

export class OutboxStore {
  private readonly s
  private readonly durable: <T>(write: () => T) => T
  constructor(
    private readonly db: Database.Database,
    durability: SyncMode = 'NORMAL'
  ) {
    this.durable = makeDurable(db, durability)
    const p = (sql: string) => db.prepare(sql)
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
      byInvoice: p('SELECT * FROM outbox_sales WHERE store = ? AND invoice_number = ? ORDER BY id DESC LIMIT 1'),
      posted: p(`UPDATE outbox_sales SET state = 'posted', attempts = attempts + 1, response = ?, duplicate = ?,
        last_error = NULL, field_errors = NULL, posted_at = ?, updated_at = ? WHERE id = ?`),
      retry: p(
        'UPDATE outbox_sales SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?'
      ),
      failed: p(
        "UPDATE outbox_sales SET state = 'failed', attempts = attempts + 1, last_error = ?, field_errors = ?, updated_at = ? WHERE id = ?"
      ),
      resend: p(`UPDATE outbox_sales SET state = 'queued', store = ?, invoice_number = ?, local_date = ?, payload = ?,
        last_error = NULL, field_errors = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'discarded')`),
      discard: p(
        "UPDATE outbox_sales SET state = 'discarded', updated_at = ? WHERE id = ? AND state IN ('queued', 'failed')"
      ),
      recover: p("UPDATE outbox_sales SET state = 'queued', next_attempt_at = ? WHERE state = 'sending'"),
      hurry: p("UPDATE outbox_sales SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?"),
      depth: p('SELECT state, n FROM outbox_depth'),
      receiptIssued: p("UPDATE outbox_sales SET receipt = 'issued' WHERE id = ? AND receipt = 'owed'"),
      receiptsOwed: p("SELECT * FROM outbox_sales WHERE receipt = 'owed' AND state IN ('queued', 'posted') ORDER BY id")
    }
  }

  /** Inserts unless the key exists; either way returns the row that holds the key. */
  enqueue(p: PreparedSale, now: number, receiptOwed = false): { item: OutboxItem; created: boolean } {
    const receipt = receiptOwed ? 'owed' : null
    const created =
      this.durable(() => this.s.insert.run({ ...p, payload: JSON.stringify(p.sale), now, receipt })).changes === 1
    return { item: toItem(this.s.byKey.get(p.store, p.invoice_number, p.local_date) as Row), created }
  }

  get(id: number): OutboxItem | undefined {
    const r = this.s.get.get(id) as Row | undefined
    return r && toItem(r)
  }

  list(state: OutboxState | null, after = 0, limit = 500): OutboxItem[] {
    return (this.s.list.all({ state, after, limit }) as Row[]).map(toItem)
  }

  /** The newest sale with this invoice at this store, whatever its day (the cashier desk's lookups). */
  byInvoice(store: number, invoice: string): OutboxItem | undefined {
    const r = this.s.byInvoice.get(store, invoice) as Row | undefined
    return r && toItem(r)
  }

  head(): OutboxItem | undefined {
    const r = this.s.head.get() as Row | undefined
    return r && toItem(r)
  }

  markPosted(id: number, response: PostedResponse, duplicate: boolean, now: number): void {
    this.s.posted.run(JSON.stringify(response), duplicate ? 1 : 0, now, now, id)
  }

  markRetry(id: number, error: string, nextAt: number, now: number): void {
    this.s.retry.run(error, nextAt, now, id)
  }

  markFailed(id: number, error: string, fieldErrors: Array<[string, string]>, now: number): void {
    this.s.failed.run(error, JSON.stringify(fieldErrors), now, id)
  }

  /** Throws SQLITE_CONSTRAINT_UNIQUE when the fixed key belongs to another sale. */
  resend(id: number, p: PreparedSale, now: number): boolean {
    return (
      this.durable(() =>
        this.s.resend.run(p.store, p.invoice_number, p.local_date, JSON.stringify(p.sale), now, now, id)
      ).changes === 1
    )
  }

  discard(id: number, now: number): boolean {
    return this.durable(() => this.s.discard.run(now, id)).changes === 1
  }

  /** Rows left in 'sending' (by an older build that stored it) go back to the queue: resending is safe. */
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
    return (this.s.receiptsOwed.all() as Row[]).map(toItem)
  }

  depth(): { queued: number; failed: number } {
    const n = Object.fromEntries(
      (this.s.depth.all() as Array<{ state: OutboxState; n: number }>).map((r) => [r.state, r.n])
    )
    return { queued: (n.queued ?? 0) + (n.sending ?? 0), failed: n.failed ?? 0 }
  }
}
