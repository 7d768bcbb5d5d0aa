/** The outbox's SQLite file: the one connection owner, its pragmas and numbered migrations. */
import Database from 'better-sqlite3'

export type SyncMode = 'NORMAL' | 'FULL'

/** Append only: never edit a shipped migration, add the next one. */
const MIGRATIONS: readonly string[] = [
  /* 1: the queue of sales */ `
  CREATE TABLE outbox_sales (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    store INTEGER NOT NULL,
    invoice_number TEXT NOT NULL,
    -- the store's local date of the sale: the upstream's invoice uniqueness is per store per day
    local_date TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'posted', 'failed', 'discarded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    field_errors TEXT,
    response TEXT,
    duplicate INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    posted_at INTEGER,
    UNIQUE (store, invoice_number, local_date)
  );
  CREATE INDEX outbox_sales_state ON outbox_sales (state, id);
  `
]

/**
 * Durability: WAL with synchronous=FULL fsyncs the log on every commit, so an enqueued sale
 * survives a kill -9 *and* a power cut (kiosks lose power). NORMAL also survives kill -9 (the
 * committed WAL frames are in the OS page cache) but may lose the last commits on an OS crash or
 * power loss; it is offered for hardware whose fsync is too slow, never as the default.
 */
export function openOutboxDb(path: string, synchronous: SyncMode = 'FULL'): Database.Database {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('busy_timeout = 5000')
  const version = db.pragma('user_version', { simple: true }) as number
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  return db
}
