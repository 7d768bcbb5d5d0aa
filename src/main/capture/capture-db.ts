/** The capture file (capture.sqlite): every job a POS printed to the host, kept as bytes before anything else happens. */
import type Database from 'better-sqlite3'
import type { Migrations } from '../../platform/sqlite/migrate'
import { openSqlite } from '../../platform/sqlite/open-sqlite'

/** Append only: never edit a shipped migration, add the next one (see platform/sqlite/migrate.ts). */
export const CAPTURE_MIGRATIONS: Migrations = [
  /* 1: jobs, and the chunks of a job still arriving (so kill -9 mid-job keeps what came) */ `
  CREATE TABLE capture_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    state TEXT NOT NULL CHECK (state IN ('receiving', 'captured', 'forwarding', 'forwarded', 'held', 'interrupted')),
    bytes BLOB,
    size INTEGER NOT NULL DEFAULT 0,
    end_reason TEXT CHECK (end_reason IN ('closed', 'idle', 'too-large', 'host-stopped')),
    -- what reading it found: 'sale', 'other' (not a sale), 'unsure' (a person should look)
    kind TEXT CHECK (kind IN ('sale', 'other', 'unsure')),
    extract TEXT,
    footer INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    ended_at INTEGER,
    forwarded_at INTEGER
  );
  CREATE INDEX capture_jobs_state ON capture_jobs (state, id);
  CREATE TABLE capture_chunks (
    job_id INTEGER NOT NULL REFERENCES capture_jobs (id),
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (job_id, seq)
  ) WITHOUT ROWID;
  `
]

/** NORMAL in WAL mode: a commit survives kill -9 as soon as it returns (see platform/sqlite/open-sqlite.ts). */
export function openCaptureDb(path: string): Database.Database {
  return openSqlite(path, { synchronous: 'NORMAL', migrations: CAPTURE_MIGRATIONS })
}
