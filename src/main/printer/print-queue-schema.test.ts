/** A print queue file from before user_version opens with today's code, every job and its bytes intact. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { oldPrintQueueFile } from '../../../tests/fixtures/sqlite/legacy-files'
import { tempDir } from '../../../tests/support/temp-files'
import { INTERRUPTED_REASON, openPrintQueueDb, PrintJobStore } from './print-job-store'
import { PRINT_MIGRATIONS } from './print-queue-schema'

describe('a print queue file from an older build', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('keeps every job, moves its version to user_version and runs no shipped migration twice', () => {
    const old = oldPrintQueueFile(tmp.file('print-queue.sqlite'))
    const insert =
      old.prepare(`INSERT INTO print_jobs (kind, state, label, bytes, meta, created_at, updated_at, printed_at)
      VALUES (?, ?, ?, ?, ?, 1, 2, ?)`)
    insert.run('receipt', 'printed', 'INV-1', Buffer.from([0x1b, 0x40, 0x41]), '{"label":"INV-1"}', 3)
    insert.run('receipt', 'printing', 'INV-2', Buffer.from([0x42]), '{}', null)
    insert.run('member-slip', 'queued', null, Buffer.from([0x43]), '{}', null)
    old.close()

    // The live printer's way in: the opener migrates, then a store adopts the connection.
    const db = openPrintQueueDb(tmp.file('print-queue.sqlite'))
    const store = new PrintJobStore(db)
    expect(db.pragma('user_version', { simple: true })).toBe(PRINT_MIGRATIONS.length)
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'print%'")
      .pluck()
      .all()
    expect(tables).toEqual(['print_jobs'])
    expect(store.list(10).map((j) => [j.id, j.kind, j.state, j.label])).toEqual([
      [3, 'member-slip', 'queued', null],
      [2, 'receipt', 'printing', 'INV-2'],
      [1, 'receipt', 'printed', 'INV-1']
    ])
    expect([...store.bytes(1)!]).toEqual([0x1b, 0x40, 0x41])
    expect(store.meta(1)).toEqual({ label: 'INV-1' })
    expect(store.lastByLabel('receipt', 'INV-1')?.printedAt).toBe(3)
    // The old job caught mid-print is held, as after any restart, and new jobs follow the old ones.
    expect(store.holdInterrupted()).toBe(1)
    expect(store.get(2)).toMatchObject({ state: 'held', reason: INTERRUPTED_REASON })
    expect(store.insert('raw', Uint8Array.of(0x44), 'new', {}, null).id).toBe(4)
    db.close()
  })
})
