/** The migration runner and opener on real temporary SQLite files. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { migrate, type Migrations } from './migrate'
import { openSqlite } from './open-sqlite'

const V1 = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'
const V2 = 'ALTER TABLE notes ADD COLUMN tag TEXT'
const version = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number

describe('migrate', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('runs each migration once, in order, and only the new ones on a later open', () => {
    const path = tmp.file('a.sqlite')
    const first = openSqlite(path, { synchronous: 'NORMAL', migrations: [V1] })
    first.prepare('INSERT INTO notes (body) VALUES (?)').run('kept')
    expect(version(first)).toBe(1)
    first.close()
    const ran: number[] = []
    const later: Migrations = [V1, V2, (db) => void ran.push(version(db))]
    const second = openSqlite(path, { synchronous: 'NORMAL', migrations: later })
    expect(version(second)).toBe(3)
    expect(ran).toEqual([2]) // the function saw the file at version 2, inside its own step
    expect(second.prepare('SELECT body, tag FROM notes').all()).toEqual([{ body: 'kept', tag: null }])
    second.close()
    const third = openSqlite(path, { synchronous: 'NORMAL', migrations: later })
    expect(ran).toEqual([2])
    third.close()
  })

  it('rolls a failing migration back whole and leaves the file at the last good version', () => {
    const path = tmp.file('b.sqlite')
    const bad: Migrations = [V1, `${V2}; INSERT INTO missing_table VALUES (1)`]
    expect(() => openSqlite(path, { synchronous: 'NORMAL', migrations: bad })).toThrow(/missing_table/)
    const raw = new Database(path)
    expect(version(raw)).toBe(1)
    const columns = raw.prepare("SELECT name FROM pragma_table_info('notes')").all()
    expect(columns).toEqual([{ name: 'id' }, { name: 'body' }]) // the ALTER of the failed step is gone too
    raw.close()
  })

  it('refuses a file written by a newer build', () => {
    const path = tmp.file('c.sqlite')
    openSqlite(path, { synchronous: 'NORMAL', migrations: [V1, V2] }).close()
    expect(() => openSqlite(path, { synchronous: 'NORMAL', migrations: [V1] })).toThrow(
      /schema version 2.*knows only 1/
    )
  })

  it('starts a file from before user_version at the version its legacyVersion reports', () => {
    const raw = new Database(tmp.file('d.sqlite'))
    raw.exec(V1)
    raw.prepare('INSERT INTO notes (body) VALUES (?)').run('old')
    const legacyVersion = (db: Database.Database): number =>
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'notes'").pluck().get() as number
    expect(migrate(raw, [V1, V2], { legacyVersion })).toBe(2)
    expect(version(raw)).toBe(2)
    expect(raw.prepare('SELECT body, tag FROM notes').all()).toEqual([{ body: 'old', tag: null }])
    raw.close()
  })

  it('sets the pragmas it is given, WAL always', () => {
    const db = openSqlite(tmp.file('e.sqlite'), {
      synchronous: 'FULL',
      foreignKeys: true,
      walAutocheckpoint: 0,
      migrations: []
    })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  })
})
