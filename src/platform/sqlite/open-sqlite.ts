/** Opens a SQLite file the one way every owner does: checked, private, WAL, a busy timeout, its pragmas, then its migrations. */
import Database from 'better-sqlite3'
import { privateDatabase } from '../fs/private-files'
import { DamagedDatabaseError, emptyFileProblem, isCorruption, moveAside, quickCheckProblem } from './damaged-file'
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

/** After a checkpoint the WAL is cut back to this size: a burst of writes does not hold its disk space for good. */
const WAL_SIZE_LIMIT = 4 * 1024 * 1024

/**
 * Opens (creating when absent) and migrates the file at `path`; `:memory:` works for tests.
 * A file that exists but is empty, is not a database, or fails `PRAGMA quick_check` is moved
 * aside and refused with a DamagedDatabaseError that says what to do.
 */
export function openSqlite(path: string, file: SqliteFile): Database.Database {
  const onDisk = path !== '' && path !== ':memory:'
  const empty = onDisk ? emptyFileProblem(path) : null
  if (empty) throw new DamagedDatabaseError(path, moveAside(path), empty)
  let db: Database.Database
  try {
    db = new Database(path)
  } catch (err) {
    if (onDisk && isCorruption(err)) throw new DamagedDatabaseError(path, moveAside(path), (err as Error).message)
    throw err
  }
  // Keys, secrets and members' emails live in these files: private to the till's user (0600).
  privateDatabase(path)
  try {
    // WAL: readers never wait for the writer. busy_timeout: a second connection (another process,
    // or a second owner in this one) holding the write lock for a moment is waited for, not an error.
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 5000')
    db.pragma(`synchronous = ${file.synchronous}`)
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`)
    if (file.foreignKeys) db.pragma('foreign_keys = ON')
    if (file.walAutocheckpoint !== undefined) db.pragma(`wal_autocheckpoint = ${file.walAutocheckpoint}`)
    const problem = onDisk ? quickCheckProblem(db) : null
    if (problem) throw new DamagedDatabaseError(path, '', problem)
    migrate(db, file.migrations, file)
    return db
  } catch (err) {
    db.close()
    if (err instanceof DamagedDatabaseError) throw new DamagedDatabaseError(path, moveAside(path), err.problem)
    if (onDisk && isCorruption(err)) throw new DamagedDatabaseError(path, moveAside(path), (err as Error).message)
    throw err
  }
}
