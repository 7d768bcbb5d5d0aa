/**
 * WAL checkpoints on a timer instead of inside commits. SQLite's automatic checkpoint runs in
 * whichever commit crosses 1,000 WAL pages and fsyncs the database file there: at a few
 * thousand sales a second that is several fsync stalls a second on the request path. One
 * passive checkpoint a second keeps the WAL bounded with one fsync a second. Durability is
 * unchanged: committed frames are in the WAL either way, and opening the file replays them.
 */
import type { Db } from './open-db'

/** Starts timed checkpoints on `db`; the returned function stops them (call before closing). */
export function startCheckpointer(db: Db, intervalMs = 1000): () => void {
  db.pragma('wal_autocheckpoint = 0')
  // once a checkpoint has reset the WAL, keep the file itself from staying at its peak size
  db.pragma('journal_size_limit = 67108864')
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // busy or closing: the next tick (or close) checkpoints instead
    }
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  }
}
