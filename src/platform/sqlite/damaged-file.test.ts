/** Start-up check of every SQLite file: real files with pages overwritten, emptied or replaced are moved aside and refused. */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { DamagedDatabaseError } from './damaged-file'
import { openSqlite, type SqliteFile } from './open-sqlite'

const FILE: SqliteFile = {
  synchronous: 'NORMAL',
  migrations: [
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX notes_body ON notes (body)'
  ]
}
const PAGE = 4096

/** A real database of ~100 pages, checkpointed so every row is in the main file. */
function writeDatabase(path: string): void {
  const db = openSqlite(path, FILE)
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`note ${i} `.padEnd(100, 'x'))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

/** Overwrites whole pages in the middle of the file, as a bad sector or a torn write leaves them. */
function overwritePages(path: string, first: number, count: number): void {
  const fd = openSync(path, 'r+')
  try {
    const junk = Buffer.alloc(PAGE * count, 0xa5)
    writeSync(fd, junk, 0, junk.length, first * PAGE)
  } finally {
    closeSync(fd)
  }
}

/** The damaged copies beside `path`: `<name>.damaged-<UTC timestamp>`. */
const movedCopies = (dir: string, name: string): string[] =>
  readdirSync(dir).filter((f) => f.startsWith(`${name}.damaged-`) && !/-(wal|shm)$/.test(f))

describe('openSqlite start-up check', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('opens a sound file, and its rows, as before', () => {
    const path = tmp.file('sound.sqlite')
    writeDatabase(path)
    const db = openSqlite(path, FILE)
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 3000 })
    db.close()
    expect(movedCopies(tmp.dir, 'sound.sqlite')).toEqual([])
  })

  it('refuses a file with pages overwritten in the middle, naming it, and moves it aside intact', () => {
    const path = tmp.file('outbox.sqlite')
    writeDatabase(path)
    const pages = statSync(path).size / PAGE
    expect(pages).toBeGreaterThan(40)
    overwritePages(path, Math.floor(pages / 2), 3)
    const broken = readFileSync(path)

    let error: unknown
    try {
      openSqlite(path, FILE).close()
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(DamagedDatabaseError)
    const damaged = error as DamagedDatabaseError
    expect(damaged.problem).toMatch(/^quick_check: /)
    expect(damaged.message).toContain(path)
    expect(damaged.message).toMatch(/moved aside to .*outbox\.sqlite\.damaged-\d{8}T\d{6}Z/)
    expect(damaged.message).toMatch(/Start the app again/)
    // Moved, never deleted: the same bytes under the new name, nothing left under the old one.
    expect(existsSync(path)).toBe(false)
    expect(movedCopies(tmp.dir, 'outbox.sqlite')).toHaveLength(1)
    expect(readFileSync(damaged.movedTo).equals(broken)).toBe(true)

    // The next start begins with a new, empty file.
    const fresh = openSqlite(path, FILE)
    expect(fresh.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 })
    fresh.close()
  })

  it('refuses an empty (0-byte) file where a database was, rather than start an empty queue', () => {
    const path = tmp.file('outbox.sqlite')
    writeDatabase(path)
    writeFileSync(path, '') // truncated, as a full disk or a crashed copy leaves it
    expect(() => openSqlite(path, FILE)).toThrow(/outbox\.sqlite is damaged \(the file is empty \(0 bytes\)/)
    expect(existsSync(path)).toBe(false)
    expect(movedCopies(tmp.dir, 'outbox.sqlite')).toHaveLength(1)
  })

  it('refuses a file that is not a database at all, moving it aside byte for byte', () => {
    const path = tmp.file('print-queue.sqlite')
    const junk = Buffer.alloc(3 * PAGE, 0x42)
    writeFileSync(path, junk)
    expect(() => openSqlite(path, FILE)).toThrow(/print-queue\.sqlite is damaged \(file is not a database\)/)
    const [moved] = movedCopies(tmp.dir, 'print-queue.sqlite')
    expect(readFileSync(tmp.file(moved!)).equals(junk)).toBe(true)
    expect(existsSync(path)).toBe(false)
  })

  it('creates a new file when none exists (the first start)', () => {
    const db = openSqlite(tmp.file('new.sqlite'), FILE)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    db.close()
  })
})
