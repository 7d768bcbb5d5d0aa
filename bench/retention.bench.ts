/**
 * `npm run bench:retention`: 100,000 sales recorded through the real sale service, outbox,
 * print queue and file printer (receipt files), on a clock spread over 60 days, then one
 * retention run keeping 30 days. Prints the data directory's size before and after, and the
 * bound it must stay under: the sales a 30-day window holds at the measured bytes per sale,
 * plus the WAL files' cap. The upstream answers in process (no network): this measures disk, not speed.
 * The data directory is on tmpfs when /dev/shm exists (an fsync per print job on a disk would
 * make this take an hour); sizes are the same either way.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Retention } from '../src/main/disk/retention'
import type { OutboxClient } from '../src/main/outbox'
import { reclaimSpace } from '../src/platform/sqlite/reclaim-space'
import { openTill, recordHistory } from '../tests/support/till-history'

const SALES = Number(process.env.BENCH_SALES ?? 100_000)
const SPAN_DAYS = 60
const KEEP_DAYS = 30
/** Two SQLite files each keep a WAL of up to 4 MB after a checkpoint (open-sqlite.ts). */
const WAL_CAP = 2 * 4 * 1024 * 1024

let txId = 0
/** Answers every sale at once, as Stamps answers one it accepts. */
const instant: OutboxClient = {
  addTransaction: (sale) =>
    Promise.resolve({
      customer: { status: 'Gold', id: 7, stamps_remaining: 3 },
      transaction: { stamps_earned: 5, id: ++txId, value: Number(sale.total_value) }
    }),
  activities: () => Promise.reject(new Error('not used')),
  membership: () => Promise.reject(new Error('not used'))
}

/** Bytes the directory takes on disk (allocated blocks) and its files' total length. */
function sizeOf(dir: string): { onDisk: number; apparent: number; files: number } {
  let onDisk = 0
  let apparent = 0
  let files = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const st = lstatSync(path)
    if (st.isDirectory()) {
      const sub = sizeOf(path)
      onDisk += sub.onDisk + st.blocks * 512
      apparent += sub.apparent
      files += sub.files
    } else {
      onDisk += st.blocks * 512
      apparent += st.size
      files++
    }
  }
  return { onDisk, apparent, files }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
const show = (label: string, s: ReturnType<typeof sizeOf>): void =>
  console.log(`${label}: ${mb(s.onDisk)} MB on disk (${mb(s.apparent)} MB of file contents, ${s.files} files)`)

async function main(): Promise<void> {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
  const dataDir = mkdtempSync(join(base, 'bench-retention-'))
  const endAt = Date.now()
  const till = openTill(dataDir, instant, { now: endAt })
  try {
    console.log(`recording ${SALES.toLocaleString('en')} sales over ${SPAN_DAYS} days in ${dataDir} ...`)
    const t0 = performance.now()
    await recordHistory(till, {
      count: SALES,
      spanDays: SPAN_DAYS,
      endAt,
      onProgress: (n) => n > 0 && console.log(`  ${n.toLocaleString('en')} sales`)
    })
    console.log(`recorded in ${((performance.now() - t0) / 1000).toFixed(0)} s`)
    till.outbox.reclaimSpace() // checkpoint, so the WAL's size is not counted as the file's
    const before = sizeOf(dataDir)
    show('before retention', before)
    const perSale = before.onDisk / SALES

    const retention = new Retention({
      sales: { prune: (b, l) => till.outbox.prunePosted(b, l), reclaimSpace: () => till.outbox.reclaimSpace() },
      printJobs: {
        prune: (b, l) => till.printer.queue.store.prunePrinted(b, l),
        reclaimSpace: () => reclaimSpace(till.printer.queue.store.db)
      },
      receiptsDir: join(dataDir, 'receipts'),
      days: KEEP_DAYS,
      now: () => endAt
    })
    const t1 = performance.now()
    const run = await retention.run()
    const ms = performance.now() - t1
    const after = sizeOf(dataDir)
    show('after retention ', after)
    const kept = Math.ceil((SALES * KEEP_DAYS) / SPAN_DAYS)
    const bound = kept * perSale * 1.1 + WAL_CAP
    console.log(
      `retention run: ${(ms / 1000).toFixed(1)} s; pruned ${run.sales} sales, ${run.printJobs} print jobs, ` +
        `${run.receiptFiles} receipt files; ${mb(run.reclaimedBytes)} MB of SQLite pages given back`
    )
    console.log(
      `${(perSale / 1024).toFixed(1)} KB per sale on disk; bound for ${KEEP_DAYS} of ${SPAN_DAYS} days ` +
        `(${kept.toLocaleString('en')} sales x per-sale x 1.1 + ${mb(WAL_CAP)} MB WAL cap): ${mb(bound)} MB`
    )
    console.log(
      `${after.onDisk <= bound ? 'PASS' : 'FAIL'}: ${mb(after.onDisk)} MB after retention ${after.onDisk <= bound ? '<=' : '>'} ${mb(bound)} MB bound`
    )
    if (after.onDisk > bound) process.exitCode = 1
  } finally {
    await till.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main()
