import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { ReceiptInput } from '../../shared/receipt/receipt-model'
import { INTERRUPTED_REASON } from './print-job-store'
import { PRINT_MIGRATIONS } from './print-queue-schema'
import { PrintQueue } from './print-queue'
import { PrinterEmulator } from './printer-emulator'
import { TcpTransport } from './tcp-transport'

const receipt = (text: string): ReceiptInput => ({
  columns: 32,
  items: [
    { type: 'text', text },
    { type: 'cut', partial: true }
  ]
})
const firstLine = (bytes: Uint8Array): string | undefined => decodeEscPos(bytes).lines[0]?.text

describe('PrintQueue', () => {
  let tmp: { dir: string; remove: () => Promise<void> }
  let emulator: PrinterEmulator
  let queue: PrintQueue | undefined
  let dbPath: string

  const open = (): PrintQueue => {
    queue = new PrintQueue({
      db: dbPath,
      transport: new TcpTransport({ host: '127.0.0.1', port: emulator.port(), statusTimeoutMs: 500 })
    })
    return queue
  }

  beforeEach(async () => {
    tmp = await tempDir()
    dbPath = join(tmp.dir, 'kiosk.sqlite')
    emulator = new PrinterEmulator({ port: 0 })
    await emulator.start()
  })
  afterEach(async () => {
    await queue?.close()
    queue = undefined
    await emulator.stop()
    await tmp.remove()
  })

  it('persists each job before sending and prints jobs in order, once each', async () => {
    const q = open()
    const seen: string[] = []
    q.on('job', (j) => seen.push(`${j.id}:${j.state}`))
    const a = q.enqueue('receipt', receipt('first'), { label: 'INV-1' })
    const b = q.enqueue('receipt', receipt('second'))
    expect(q.list().map((j) => j.state)).toEqual(['queued', 'queued'])
    q.start()
    expect((await q.whenSettled(b.id)).state).toBe('printed')
    await emulator.waitForJobs(2)
    expect(emulator.printed.map((j) => firstLine(j.bytes))).toEqual(['first', 'second'])
    expect(seen).toEqual([
      `${a.id}:queued`,
      `${b.id}:queued`,
      `${a.id}:printing`,
      `${a.id}:printed`,
      `${b.id}:printing`,
      `${b.id}:printed`
    ])
    expect(q.get(a.id)).toMatchObject({ label: 'INV-1', attempts: 1, heldCode: null })
    expect(q.get(a.id)?.printedAt).toEqual(expect.any(Number))
  })

  it('holds a job at paper out without sending it; after paper is loaded, retry prints it once', async () => {
    emulator.setPaperOut(true)
    const q = open()
    q.start()
    const statuses: string[] = []
    q.on('status', (s) => statuses.push(s.state))
    const job = q.enqueue('receipt', receipt('paper'))
    const held = await q.whenSettled(job.id)
    expect(held).toMatchObject({ state: 'held', heldCode: 'paper-out' })
    expect(statuses).toEqual(['paper-out'])
    await new Promise((r) => setTimeout(r, 50))
    expect(emulator.jobs).toHaveLength(0)

    emulator.setPaperOut(false)
    q.retry(job.id)
    expect((await q.whenSettled(job.id)).state).toBe('printed')
    await emulator.waitForJobs(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(emulator.printed.map((j) => firstLine(j.bytes))).toEqual(['paper'])
    expect(statuses).toEqual(['paper-out', 'ok'])
  })

  it('holds as unreachable when the printer is unplugged; retry after it is back prints', async () => {
    const q = open()
    q.start()
    await emulator.stop()
    const job = q.enqueue('receipt', receipt('unplugged'))
    expect(await q.whenSettled(job.id)).toMatchObject({ state: 'held', heldCode: 'unreachable' })
    expect(() => q.retry(9999)).toThrow(/does not exist/)

    await emulator.start()
    q.retry(job.id)
    expect(await q.whenSettled(job.id)).toMatchObject({ state: 'printed', attempts: 2 })
    expect((await emulator.waitForJobs(1)).map((j) => firstLine(j.bytes))).toEqual(['unplugged'])
  })

  it('after a hold, later jobs wait queued instead of all failing; discard drops a job for good', async () => {
    emulator.setPaperOut(true)
    const q = open()
    const a = q.enqueue('receipt', receipt('a'))
    const b = q.enqueue('receipt', receipt('b'))
    q.start()
    await q.whenSettled(a.id)
    expect(q.get(b.id)?.state).toBe('queued')
    q.discard(a.id)
    expect(q.get(a.id)?.state).toBe('discarded')
    expect(() => q.retry(a.id)).toThrow(/is discarded, not held/)
    emulator.setPaperOut(false)
    expect((await q.whenSettled(b.id)).state).toBe('printed')
    expect((await emulator.waitForJobs(1)).map((j) => firstLine(j.bytes))).toEqual(['b'])
  })

  it('after a restart, a job left in printing is held as interrupted and not resent; queued ones go out', async () => {
    const q = open()
    const sent = q.enqueue('receipt', receipt('was printing'))
    const waiting = q.enqueue('receipt', receipt('never sent'))
    await q.close()
    queue = undefined
    // Simulate a crash between "mark printing" and "mark printed".
    const db = new BetterSqlite3(dbPath)
    db.prepare(`UPDATE print_jobs SET state = 'printing' WHERE id = ?`).run(sent.id)
    db.close()

    const q2 = open()
    expect(q2.get(sent.id)).toMatchObject({ state: 'held', heldCode: 'interrupted', reason: INTERRUPTED_REASON })
    q2.start()
    expect((await q2.whenSettled(waiting.id)).state).toBe('printed')
    await emulator.waitForJobs(1)
    await new Promise((r) => setTimeout(r, 100))
    expect(emulator.jobs.map((j) => firstLine(j.bytes))).toEqual(['never sent'])
    expect(q2.get(sent.id)?.state).toBe('held')
  })

  it('reprint adds exactly one copy with the same bytes; reprintLast picks the last printed', async () => {
    const q = open()
    q.start()
    const a = q.enqueue('receipt', receipt('one'))
    const b = q.enqueue('receipt', receipt('two'))
    await q.whenSettled(b.id)
    const copy: PrintJob = q.reprint(a.id)
    expect(copy).toMatchObject({ reprintOf: a.id, kind: 'receipt' })
    await q.whenSettled(copy.id)
    const last = q.reprintLast()
    expect(last.reprintOf).toBe(a.id) // the last printed was the copy of "one"
    await q.whenSettled(last.id)
    const jobs = await emulator.waitForJobs(4)
    await new Promise((r) => setTimeout(r, 50))
    expect(emulator.jobs.map((j) => firstLine(j.bytes))).toEqual(['one', 'two', 'one', 'one'])
    expect(jobs[2]!.bytes).toEqual(jobs[0]!.bytes)
    expect(q.list({ state: 'printed' })).toHaveLength(4)
  })

  it('uses a shared Database and keeps its tables prefixed print_', async () => {
    const db = new BetterSqlite3(join(tmp.dir, 'shared.sqlite'))
    const q = new PrintQueue({ db, transport: new TcpTransport({ host: '127.0.0.1', port: emulator.port() }) })
    q.enqueue('raw', Uint8Array.of(0x41, 0x0a))
    await q.close()
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all()
    // The version is the file's user_version (platform/sqlite), no longer a print_migrations table.
    expect(tables).toEqual([{ name: 'print_jobs' }])
    expect(db.pragma('user_version', { simple: true })).toBe(PRINT_MIGRATIONS.length)
    expect(db.open).toBe(true)
    db.close()
  })
})
