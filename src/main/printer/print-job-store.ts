/** SQL access to print_jobs: every state change is committed before anything is sent. */
import type { Database } from 'better-sqlite3'
import type { HeldCode, PrintJob, PrintJobKind, PrintJobState } from '../../shared/receipt/printer-status'
import { openSqlite } from '../../platform/sqlite/open-sqlite'
import { migratePrintQueue, PRINT_SCHEMA } from './print-queue-schema'

interface Row {
  id: number
  kind: PrintJobKind
  state: PrintJobState
  held_code: HeldCode | null
  reason: string | null
  label: string | null
  reprint_of: number | null
  attempts: number
  created_at: number
  updated_at: number
  printed_at: number | null
}

const COLUMNS = 'id, kind, state, held_code, reason, label, reprint_of, attempts, created_at, updated_at, printed_at'

const toJob = (r: Row): PrintJob => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  heldCode: r.held_code,
  reason: r.reason,
  label: r.label,
  reprintOf: r.reprint_of,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  printedAt: r.printed_at
})

export const INTERRUPTED_REASON = 'interrupted — check the printer, then retry or discard'

/** Opens the print queue's SQLite file with the pragmas every owner of it must use, migrated. */
export function openPrintQueueDb(path: string): Database {
  // Hazard: the 'printing' mark must survive a power cut, or a receipt that already came
  // out could be resent after reboot. WAL with synchronous=NORMAL only survives app crashes.
  return openSqlite(path, { synchronous: 'FULL', ...PRINT_SCHEMA })
}

/** Opens (or adopts) the database; only a database we opened is closed by close(). */
export class PrintJobStore {
  readonly db: Database
  private readonly owned: boolean

  constructor(
    db: Database | string,
    private readonly now: () => number = Date.now
  ) {
    this.owned = typeof db === 'string'
    this.db = typeof db === 'string' ? openPrintQueueDb(db) : db
    // A connection opened elsewhere (the live printer's, or a test's) may not be migrated yet.
    if (!this.owned) migratePrintQueue(this.db)
  }

  insert(
    kind: PrintJobKind,
    bytes: Uint8Array,
    label: string | null,
    meta: unknown,
    reprintOf: number | null
  ): PrintJob {
    const t = this.now()
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO print_jobs (kind, state, label, bytes, meta, reprint_of, created_at, updated_at)
                VALUES (?, 'queued', ?, ?, ?, ?, ?, ?)`
      )
      .run(kind, label, Buffer.from(bytes), JSON.stringify(meta ?? {}), reprintOf, t, t)
    return this.get(Number(lastInsertRowid))!
  }

  /** A job whose bytes the encoder thread has yet to make: its receipt model is kept until then. */
  insertUnencoded(
    kind: PrintJobKind,
    receipt: unknown,
    label: string | null,
    meta: unknown,
    reprintOf: number | null
  ): PrintJob {
    const t = this.now()
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO print_jobs (kind, state, label, bytes, receipt, meta, reprint_of, created_at, updated_at)
                VALUES (?, 'queued', ?, X'', ?, ?, ?, ?, ?)`
      )
      .run(kind, label, JSON.stringify(receipt), JSON.stringify(meta ?? {}), reprintOf, t, t)
    return this.get(Number(lastInsertRowid))!
  }

  /** The receipt model of a job not yet encoded, or undefined once it has its bytes. */
  unencoded(id: number): unknown {
    const row = this.db.prepare('SELECT receipt FROM print_jobs WHERE id = ?').get(id) as
      { receipt: string | null } | undefined
    return row?.receipt ? JSON.parse(row.receipt) : undefined
  }

  /** Stores the encoded bytes and drops the model they came from (only once: a second encode is ignored). */
  setEncoded(id: number, bytes: Uint8Array): void {
    this.db
      .prepare('UPDATE print_jobs SET bytes = ?, receipt = NULL WHERE id = ? AND receipt IS NOT NULL')
      .run(Buffer.from(bytes), id)
  }

  get(id: number): PrintJob | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as Row | undefined
    return row && toJob(row)
  }

  bytes(id: number): Uint8Array | undefined {
    const row = this.db.prepare('SELECT bytes FROM print_jobs WHERE id = ?').get(id) as { bytes: Buffer } | undefined
    return row && new Uint8Array(row.bytes)
  }

  meta(id: number): unknown {
    const row = this.db.prepare('SELECT meta FROM print_jobs WHERE id = ?').get(id) as { meta: string } | undefined
    return row ? JSON.parse(row.meta) : undefined
  }

  list(limit: number, state?: PrintJobState): PrintJob[] {
    const rows = state
      ? this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = ? ORDER BY id DESC LIMIT ?`).all(state, limit)
      : this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?`).all(limit)
    return (rows as Row[]).map(toJob)
  }

  /** The newest original (not a reprint) job of `kind` with `label`, e.g. a sale's receipt by invoice. */
  lastByLabel(kind: PrintJobKind, label: string): PrintJob | undefined {
    const row = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM print_jobs WHERE kind = ? AND label = ? AND reprint_of IS NULL ORDER BY id DESC LIMIT 1`
      )
      .get(kind, label) as Row | undefined
    return row && toJob(row)
  }

  nextQueued(): PrintJob | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'queued' ORDER BY id LIMIT 1`)
      .get() as Row | undefined
    return row && toJob(row)
  }

  lastPrinted(kind?: PrintJobKind): PrintJob | undefined {
    const row = (
      kind
        ? this.db
            .prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'printed' AND kind = ? ORDER BY id DESC LIMIT 1`)
            .get(kind)
        : this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE state = 'printed' ORDER BY id DESC LIMIT 1`).get()
    ) as Row | undefined
    return row && toJob(row)
  }

  /**
   * Moves a job only if it is in one of `from`; returns the updated job or undefined. `encoded`
   * stores the bytes of a job encoded just now in the same commit (one fsync, not two).
   */
  transition(
    id: number,
    from: PrintJobState[],
    to: PrintJobState,
    held?: { code: HeldCode; reason: string },
    encoded?: Uint8Array
  ): PrintJob | undefined {
    const t = this.now()
    const marks = from.map(() => '?').join(', ')
    const bytes = encoded ? Buffer.from(encoded) : null
    const { changes } = this.db
      .prepare(
        `UPDATE print_jobs SET state = ?, held_code = ?, reason = ?, updated_at = ?,
                  attempts = attempts + (CASE WHEN ? = 'printing' THEN 1 ELSE 0 END),
                  printed_at = CASE WHEN ? = 'printed' THEN ? ELSE printed_at END,
                  bytes = COALESCE(?, bytes), receipt = CASE WHEN ? IS NULL THEN receipt END
                WHERE id = ? AND state IN (${marks})`
      )
      .run(to, held?.code ?? null, held?.reason ?? null, t, to, to, t, bytes, bytes, id, ...from)
    return changes === 1 ? this.get(id) : undefined
  }

  /** After a restart, a job still marked 'printing' may or may not have come out: hold it. */
  holdInterrupted(): number {
    return this.db
      .prepare(
        `UPDATE print_jobs SET state = 'held', held_code = 'interrupted', reason = ?, updated_at = ? WHERE state = 'printing'`
      )
      .run(INTERRUPTED_REASON, this.now()).changes
  }

  counts(): { queued: number; held: number } {
    const rows = this.db
      .prepare(`SELECT state, COUNT(*) AS n FROM print_jobs WHERE state IN ('queued', 'held') GROUP BY state`)
      .all() as { state: string; n: number }[]
    return {
      queued: rows.find((r) => r.state === 'queued')?.n ?? 0,
      held: rows.find((r) => r.state === 'held')?.n ?? 0
    }
  }

  close(): void {
    if (this.owned) this.db.close()
  }
}
