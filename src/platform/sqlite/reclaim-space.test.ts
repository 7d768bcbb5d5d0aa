/** Pruned files shrink on disk: a new file through incremental vacuum, an old one through one VACUUM. */
import { statSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { openSqlite } from './open-sqlite'
import { reclaimSpace } from './reclaim-space'

const MIGRATIONS = ['CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)']

describe('reclaimSpace', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  const fillAndPrune = (incrementalVacuum: boolean) => {
    const path = tmp.file(`${incrementalVacuum ? 'new' : 'old'}.sqlite`)
    const db = openSqlite(path, { synchronous: 'NORMAL', incrementalVacuum, migrations: MIGRATIONS })
    const insert = db.prepare('INSERT INTO rows (body) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run('x'.repeat(400))
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    const full = statSync(path).size
    db.prepare('DELETE FROM rows WHERE id > 1000').run()
    return { db, path, full }
  }

  it('gives the pages of pruned rows back at once in a file made for it', () => {
    const { db, path, full } = fillAndPrune(true)
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
    const { before, after } = reclaimSpace(db)
    expect(after).toBeLessThan(before / 2)
    expect(statSync(path).size).toBeLessThan(full / 2)
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 1000 })
    db.close()
  })

  it('rewrites a file from before it once (VACUUM), which makes it incremental from then on', () => {
    const { db, path, full } = fillAndPrune(false)
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(0)
    reclaimSpace(db)
    expect(statSync(path).size).toBeLessThan(full / 2)
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 1000 })
    db.close()
  })
})
