/** Tables of the print queue (prefixed `print_`) and their numbered migrations. */
import type { Database } from 'better-sqlite3'

/** Append only: a shipped migration is never edited, a change is a new entry. */
export const PRINT_MIGRATIONS: readonly string[] = [
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
   CREATE INDEX print_jobs_state ON print_jobs (state, id);`
]

/** Brings the print tables up to date; each migration runs in its own transaction. */
export function migratePrintQueue(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS print_migrations (
    version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`)
  const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM print_migrations').get() as { v: number }
  for (let v = row.v + 1; v <= PRINT_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(PRINT_MIGRATIONS[v - 1]!)
      db.prepare('INSERT INTO print_migrations (version, applied_at) VALUES (?, ?)').run(v, Date.now())
    })()
  }
  return PRINT_MIGRATIONS.length
}
