import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { checkReadiness, diskFreeBytes } from './readiness'

const upstream = () => ({ reachable: false, embedded: false, checkedAt: null })

describe('checkReadiness', () => {
  it('is ready when every store takes a write, whatever Stamps does', () => {
    const tmp = tempDir('ready-')
    try {
      for (const f of ['a.sqlite', 'b.sqlite']) new Database(tmp.file(f)).close()
      const r = checkReadiness({ dataDir: tmp.dir, stores: { a: 'a.sqlite', b: 'b.sqlite' }, upstream })
      expect(r).toEqual({ ready: true, stores: { a: 'ok', b: 'ok' }, dataDir: 'ok', upstream: upstream() })
    } finally {
      tmp.remove()
    }
  })

  it('is not ready, naming the store, when one is missing or another connection holds its write lock', () => {
    const tmp = tempDir('ready-')
    const holder = new Database(tmp.file('held.sqlite'))
    try {
      holder.pragma('journal_mode = WAL')
      holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)')
      const r = checkReadiness({
        dataDir: tmp.dir,
        stores: { held: 'held.sqlite', gone: 'gone.sqlite' },
        upstream
      })
      expect(r.ready).toBe(false)
      expect(r.stores.held).toMatch(/locked|busy/i)
      expect(r.stores.gone).toMatch(/unable to open|does not exist/i)
      holder.exec('ROLLBACK')
      expect(checkReadiness({ dataDir: tmp.dir, stores: { held: 'held.sqlite' }, upstream }).ready).toBe(true)
    } finally {
      holder.close()
      tmp.remove()
    }
  })

  it('reads the free space of the data directory from the file system', () => {
    expect(diskFreeBytes('/tmp')).toBeGreaterThan(0)
  })
})
