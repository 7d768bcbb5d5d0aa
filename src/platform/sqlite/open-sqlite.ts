/** Opens a SQLite file the one way every owner does: private, WAL, a busy timeout, its pragmas, then its migrations. */
import Database from 'better-sqlite3'
import { privateDatabase } from '../fs/private-files'
import { migrate, type MigrateOptions, type Migrations } from './migrate'

export interface SqliteFile extends MigrateOptions {
  /**
   * In WAL mode, 'NORMAL': a commit survives kill -9 the moment it returns, but an OS crash or
   * power cut can drop the commits since the last checkpoint. 'FULL': each commit is fsynced.
   */
  synchronous: 'NORMAL' | 'FULL'
  foreignKeys?: boolean
  /** 0: no checkpoint ever runs inside a commit; the owner checkpoints on its own timer. */
  walAutocheckpoint?: number
  migrations: Migrations
}

/** Opens (creating when absent) and migrates the file at `path`; `:memory:` works for tests. */
export function openSqlite(path: string, file: SqliteFile): Database.Database {
  const db = new Database(path)
  // Keys, secrets and members' emails live in these files: private to the till's user (0600).
  privateDatabase(path)
  try {
    // WAL: readers never wait for the writer. busy_timeout: a second connection (another process,
    // or a second owner in this one) holding the write lock for a moment is waited for, not an error.
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 5000')
    db.pragma(`synchronous = ${file.synchronous}`)
    if (file.foreignKeys) db.pragma('foreign_keys = ON')
    if (file.walAutocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${file.walAutocheckpoint}`)
    migrate(db, file.migrations, file)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
