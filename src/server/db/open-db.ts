/** The one owner of the sandbox's SQLite connection: opens, tunes and migrates the database. */
import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { openSqlite } from '../../platform/sqlite/open-sqlite'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

/** Opens (creating when absent) and migrates the database at `path`; `:memory:` works for tests. */
export function openDb(path: string): Db {
  // NORMAL in WAL mode survives process crashes and restarts; only an OS crash or power loss
  // can drop the last commits. Acceptable for a sandbox, and it keeps commits off fsync.
  const db = openSqlite(path, { synchronous: 'NORMAL', foreignKeys: true, migrations: MIGRATIONS })
  ensureSecret(db)
  return db
}

/** The per-database HS256 secret for Bearer tokens, made once and kept in the database. */
function ensureSecret(db: Db): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('jwt_secret', randomBytes(32).toString('hex'))
}

/** Reads the Bearer-token signing secret. */
export function jwtSecret(db: Db): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('jwt_secret') as { value: string } | undefined
  if (!row) throw new Error('jwt secret missing: database not opened through openDb')
  return row.value
}
