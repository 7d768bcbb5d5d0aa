/** Tables of the print queue (prefixed `print_`) and their numbered migrations. */
import type { Database } from 'better-sqlite3'
import { migrate, type Migrations } from '../../platform/sqlite/migrate'

/** Append only: a shipped migration is never edited, a change is a new entry (see platform/sqlite/migrate.ts). */
export const PRINT_MIGRATIONS: Migrations = [
  `CREATE TABLE print_jobs (
     id          INTEGER PRIMARY KEY AUTOINCREMENT,
     kind        TEXT    NOT NULL,
     state       TEXT    NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'held', 'discarded')),
     held_code   TEXT,
     reason      TEXT,
     label       TEXT,
     bytes       BLOB    NOT NULL,
     meta        TEXT    NOT NULL DEFAULT '{}',
     reprint_of  INTEGER REFERENCES print_jobs (id),
     attempts    INTEGER NOT NULL DEFAULT 0,
     created_at  INTEGER NOT NULL,
     updated_at  INTEGER NOT NULL,
     printed_at  INTEGER
   );
   CREATE INDEX print_jobs_state ON print_jobs (state, id);`,
  /* 2: the version lives in user_version now, like every other file; the old record of it goes */
  `DROP TABLE IF EXISTS print_migrations;`,
  /* 3: a receipt model waiting for the encoder thread; bytes stay empty until it is encoded */
  `ALTER TABLE print_jobs ADD COLUMN receipt TEXT;`
]

/**
 * Builds before user_version kept the version as rows of their own print_migrations table (only
 * migration 1 ever shipped that way): such a file is at the highest version recorded there.
 */
function versionBeforeUserVersion(db: Database): number {
  const recorded = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'print_migrations'")
  if (recorded.pluck().get() === 0) return 0
  return db.prepare('SELECT COALESCE(MAX(version), 0) FROM print_migrations').pluck().get() as number
}

/** What the runner needs for a print queue file: its migrations, and the version of a file from before user_version. */
export const PRINT_SCHEMA = { migrations: PRINT_MIGRATIONS, legacyVersion: versionBeforeUserVersion }

/** Brings the print tables of a connection opened elsewhere up to date. */
export function migratePrintQueue(db: Database): number {
  return migrate(db, PRINT_MIGRATIONS, PRINT_SCHEMA)
}
