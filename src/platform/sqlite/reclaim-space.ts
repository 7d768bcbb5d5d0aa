/** Gives the disk back the pages a prune freed, so a pruned file shrinks instead of only ceasing to grow. */
import type Database from 'better-sqlite3'

const INCREMENTAL = 2

/**
 * A file made with auto_vacuum = INCREMENTAL returns its free pages at once. A file from before
 * it (auto_vacuum off) is rewritten by one VACUUM when more than half of it is free, which also
 * makes it incremental from then on (the connection asked for that when it opened). Then the WAL
 * is checkpointed and truncated. Returns the file's size in bytes before and after.
 */
export function reclaimSpace(db: Database.Database): { before: number; after: number } {
  const size = (): number =>
    (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
  const before = size()
  const free = db.pragma('freelist_count', { simple: true }) as number
  if (free > 0) {
    if (db.pragma('auto_vacuum', { simple: true }) === INCREMENTAL) db.pragma('incremental_vacuum')
    else if (free * 2 > (db.pragma('page_count', { simple: true }) as number)) {
      db.pragma('auto_vacuum = INCREMENTAL')
      db.exec('VACUUM')
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  return { before, after: size() }
}
