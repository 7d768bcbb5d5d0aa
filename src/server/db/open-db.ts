/** The one owner of the sandbox's SQLite connection: opens, tunes and migrates the database. */
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { privateDatabase } from '../../platform/fs/private-files'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

/** Opens (creating when absent) and migrates the database at `path`; `:memory:` works for tests. */
export function openDb(path: string): Db {
  const db = new Database(path)
  // Keys, the JWT secret and members' emails live here.
  privateDatabase(path)
  // WAL lets readers proceed while a write commits; busy_timeout covers a second process (the
  // CLI and the app on one file) holding the write lock for a moment.
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  // NORMAL in WAL mode survives process crashes and restarts; only an OS crash or power loss
  // can drop the last commits. Acceptable for a sandbox, and it keeps commits off fsync.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  migrate(db)
  ensureSecret(db)
  return db
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!)
      db.pragma(`user_version = ${i + 1}`)
    }).immediate()
  }
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
