/** The outbox's SQLite file: the one connection owner, its pragmas and numbered migrations. */
import type Database from 'better-sqlite3'
import { openSqlite } from '../../platform/sqlite/open-sqlite'
import type { Migrations } from '../../platform/sqlite/migrate'

export type SyncMode = 'NORMAL' | 'FULL'

/** Append only: never edit a shipped migration, add the next one (see platform/sqlite/migrate.ts). */
export const OUTBOX_MIGRATIONS: Migrations = [
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
  `,
  /* 2: queue depth kept by triggers, so reading it per event costs O(1), not a count of the queue */ `
  CREATE TABLE outbox_depth (state TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO outbox_depth (state, n)
    SELECT s.column1, (SELECT count(*) FROM outbox_sales WHERE state = s.column1)
    FROM (VALUES ('queued'), ('sending'), ('posted'), ('failed'), ('discarded')) AS s;
  CREATE TRIGGER outbox_depth_insert AFTER INSERT ON outbox_sales BEGIN
    UPDATE outbox_depth SET n = n + 1 WHERE state = NEW.state;
  END;
  CREATE TRIGGER outbox_depth_update AFTER UPDATE OF state ON outbox_sales WHEN OLD.state <> NEW.state BEGIN
    UPDATE outbox_depth SET n = n - 1 WHERE state = OLD.state;
    UPDATE outbox_depth SET n = n + 1 WHERE state = NEW.state;
  END;
  CREATE TRIGGER outbox_depth_delete AFTER DELETE ON outbox_sales BEGIN
    UPDATE outbox_depth SET n = n - 1 WHERE state = OLD.state;
  END;
  `,
  /* 3: a loyalty receipt owed for the sale, committed with it, so a crash between answering the
     POS and queueing the print job cannot lose the receipt ('owed' -> 'issued') */ `
  ALTER TABLE outbox_sales ADD COLUMN receipt TEXT CHECK (receipt IN ('owed', 'issued'));
  CREATE INDEX outbox_sales_receipt_owed ON outbox_sales (id) WHERE receipt = 'owed';
  `,
  /* 4: a posted sale Stamps has since cancelled (the desk's cancel), and the index today's sales
     list reads a store's day by */ `
  ALTER TABLE outbox_sales ADD COLUMN canceled_at INTEGER;
  CREATE INDEX outbox_sales_day ON outbox_sales (store, local_date, id);
  `
]

/**
 * Durability (WAL mode, synchronous=NORMAL, checkpoints driven by the outbox):
 * - every commit survives kill -9 the moment it returns: committed WAL frames sit in the OS page
 *   cache, and SQLite replays them on the next open;
 * - an OS crash or power cut can lose commits made since the last checkpoint, because the WAL
 *   is fsynced only then. The outbox checkpoints within `flushMs` (200 ms) of any write, so at
 *   most the last ~200 ms of enqueues are at risk from a power cut. Outcome, 'sending' and
 *   duplicate marks lost that way are harmless: the sale is resent and the upstream answers
 *   duplicate-invoice.
 * - `synchronous: 'FULL'` fsyncs enqueue, resend and discard themselves, closing that window,
 *   at one fsync per sale: 0.5 to 13 ms on the VM this was measured on, against a 5 ms p99
 *   target. Choose it where the disk's fsync is fast.
 * wal_autocheckpoint is off so no enqueue ever pays for a checkpoint inline.
 */
export function openOutboxDb(path: string): Database.Database {
  return openSqlite(path, { synchronous: 'NORMAL', walAutocheckpoint: 0, migrations: OUTBOX_MIGRATIONS })
}

/** Runs one write with the given synchronous level, then returns the connection to NORMAL. */
export function makeDurable(db: Database.Database, level: SyncMode): <T>(write: () => T) => T {
  if (level === 'NORMAL') return (write) => write()
  const full = db.prepare('PRAGMA synchronous = FULL')
  const normal = db.prepare('PRAGMA synchronous = NORMAL')
  return (write) => {
    full.run()
    try {
      return write()
    } finally {
      normal.run()
    }
  }
}
