/**
 * Retention on a real till history: 240 sales over 60 days through the sale service, outbox,
 * print queue and file printer (a loopback Stamps upstream), then one run with 30 days kept.
 * What is finished and old goes; what still waits for the upstream or a person never does.
 */
import Database from 'better-sqlite3'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_KEY, startFakeUpstream, type FakeUpstream } from '../../../tests/support/fake-stamps-upstream'
import { tempDir } from '../../../tests/support/temp-files'
import { historySale, openTill, recordHistory, type TillHistory } from '../../../tests/support/till-history'
import { reclaimSpace } from '../../platform/sqlite/reclaim-space'
import { StampsClient } from '../stamps'
import { Retention } from './retention'

const DAY = 24 * 60 * 60 * 1000
const END = Date.parse('2026-12-02T05:00:00Z')
const CUTOFF = END - 30 * DAY

describe('Retention', () => {
  let tmp: ReturnType<typeof tempDir>
  let up: FakeUpstream
  let client: StampsClient
  let till: TillHistory
  beforeEach(async () => {
    tmp = tempDir('retention-')
    up = await startFakeUpstream()
    client = new StampsClient({ baseUrl: up.url, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 2000 })
    till = openTill(tmp.dir, client, { now: END })
  })
  afterEach(async () => {
    await till.close()
    client.close()
    await up.close()
    tmp.remove()
  })

  const retention = () =>
    new Retention({
      sales: {
        prune: (b, l) => till.outbox.prunePosted(b, l),
        reclaimSpace: () => till.outbox.reclaimSpace()
      },
      printJobs: {
        prune: (b, l) => till.printer.queue.store.prunePrinted(b, l),
        reclaimSpace: () => reclaimSpace(till.printer.queue.store.db)
      },
      receiptsDir: tmp.file('receipts'),
      days: 30,
      now: () => till.clock.now
    })

  it('prunes posted sales, printed jobs and receipt files older than the age; keeps the rest and what is unresolved', async () => {
    await recordHistory(till, { count: 240, spanDays: 60, endAt: END })
    // Unresolved, and old: a sale Stamps refused, a sale still queued, a receipt still owed, a held job.
    const old = END - 50 * DAY
    till.clock.now = old
    up.failNext(1, 400)
    expect((await till.sales.submit(historySale(9001, old), 2_000)).state).toBe('failed')
    up.failNext(10_000, 503)
    const queued = await till.sales.submit(historySale(9002, old), 300)
    expect(queued.state).toBe('queued')
    // Its "stamps pending" receipt printed that day: a printed job like any other.
    await till.printer.whenSettled((queued as { receiptJobId: number }).receiptJobId)
    till.clock.now = END
    const raw = new Database(tmp.file('outbox.sqlite'))
    raw.prepare("UPDATE outbox_sales SET receipt = 'owed' WHERE invoice_number = 'H-1'").run()
    raw.close()
    const jobs = new Database(tmp.file('print-queue.sqlite'))
    jobs.prepare("UPDATE print_jobs SET state = 'held', held_code = 'paper-out' WHERE label = 'H-2'").run()
    jobs.close()

    const receipts = () => readdirSync(tmp.file('receipts'))
    const oldFiles = receipts().filter((f) => statSync(join(tmp.file('receipts'), f)).mtimeMs < CUTOFF)
    expect(oldFiles.length).toBeGreaterThan(200) // about half of 240 sales' .bin and .txt
    const outboxBytes = statSync(tmp.file('outbox.sqlite')).size

    const run = await retention().run()

    const sales = till.outbox.list({ limit: 10_000 })
    const oldPosted = sales.filter((s) => s.state === 'posted' && s.posted_at! < CUTOFF)
    expect(oldPosted.map((s) => s.invoice_number)).toEqual(['H-1']) // its receipt is still owed
    expect(sales.filter((s) => s.state === 'posted' && s.posted_at! >= CUTOFF)).toHaveLength(120)
    expect(sales.find((s) => s.invoice_number === 'H-9001')?.state).toBe('failed')
    expect(sales.find((s) => s.invoice_number === 'H-9002')?.state).toMatch(/queued|sending/)
    expect(run.sales).toBe(119)

    const printed = till.printer.queue.list({ limit: 10_000 })
    expect(printed.filter((j) => j.state === 'printed' && j.printedAt! < CUTOFF)).toEqual([])
    expect(printed.filter((j) => j.state === 'printed')).toHaveLength(120)
    expect(printed.find((j) => j.label === 'H-2')?.state).toBe('held')
    expect(run.printJobs).toBe(120) // 119 sales' receipts and the pending one

    expect(run.receiptFiles).toBe(oldFiles.length)
    expect(receipts().filter((f) => statSync(join(tmp.file('receipts'), f)).mtimeMs < CUTOFF)).toEqual([])
    expect(receipts().length).toBeGreaterThanOrEqual(240) // the newer 120 sales' .bin and .txt
    // The space is given back to the disk, not only kept for reuse.
    expect(run.reclaimedBytes).toBeGreaterThan(0)
    expect(statSync(tmp.file('outbox.sqlite')).size).toBeLessThan(outboxBytes)
  }, 60_000)
})
