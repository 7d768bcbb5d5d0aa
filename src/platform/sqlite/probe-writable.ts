/** Whether a SQLite file can take a write right now, proved without writing: a second connection takes the write lock and gives it back. */
import Database from 'better-sqlite3'

/** 'ok', or why not (missing, read-only, locked longer than `waitMs`, corrupt). */
export function probeWritable(path: string, waitMs = 500): string {
  let db: Database.Database | null = null
  try {
    db = new Database(path, { fileMustExist: true, timeout: waitMs })
    db.exec('BEGIN IMMEDIATE')
    db.exec('ROLLBACK')
    return 'ok'
  } catch (err) {
    return (err as Error).message
  } finally {
    db?.close()
  }
}
