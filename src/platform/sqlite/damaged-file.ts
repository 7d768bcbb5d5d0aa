/**
 * A SQLite file that fails its start-up check: named, moved aside (never deleted) and refused,
 * so the app never starts on a broken queue that looks healthy while every write fails.
 */
import { existsSync, renameSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type Database from 'better-sqlite3'

/** Stops the start: `message` names the file, where it went and what a person does next. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly movedTo: string,
    readonly problem: string
  ) {
    super(
      `${file} is damaged (${problem}). It was moved aside to ${movedTo}; nothing was deleted. ` +
        `Start the app again to begin with a new, empty ${basename(file)}. Anything still waiting in the ` +
        `damaged file (unsent sales, unprinted receipts) was not sent: keep ${basename(movedTo)} and ask ` +
        `support to recover it (sqlite3 ${movedTo} .recover).`
    )
    this.name = 'DamagedDatabaseError'
  }
}

/** SQLite's own words for a file that is not a sound database. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

/**
 * A file that exists with 0 bytes was a database once (SQLite writes its header as the file is
 * set up): opening it would silently start an empty queue. Returns the problem, or null.
 */
export function emptyFileProblem(path: string): string | null {
  if (!existsSync(path)) return null
  return statSync(path).size === 0 ? 'the file is empty (0 bytes): its contents were lost' : null
}

/** `PRAGMA quick_check`: null when it says ok, else its first findings. */
export function quickCheckProblem(db: Database.Database): string | null {
  let found: string[]
  try {
    found = (db.pragma('quick_check(5)') as Array<{ quick_check: string }>).map((r) => r.quick_check)
  } catch (err) {
    // Damage bad enough stops the check itself: that is its finding.
    if (!isCorruption(err)) throw err
    found = [(err as Error).message]
  }
  return found.length === 1 && found[0] === 'ok' ? null : `quick_check: ${found.join('; ')}`
}

/** 20261202T124015Z: sorts by time and is a valid file name everywhere. */
const stamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

/** Renames the file and its WAL and shared-memory files with a timestamp suffix; returns the new name. */
export function moveAside(path: string, now = new Date()): string {
  let movedTo = `${path}.damaged-${stamp(now)}`
  for (let n = 2; existsSync(movedTo); n++) movedTo = `${path}.damaged-${stamp(now)}-${n}`
  renameSync(path, movedTo)
  // The WAL belongs to the file it was written for: it goes along, so the pair can still be read.
  for (const suffix of ['-wal', '-shm', '-journal'])
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix)
  return movedTo
}
