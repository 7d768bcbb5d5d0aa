/**
 * A till's history for retention tests and the retention bench: sales recorded through the real
 * SaleService, outbox, print queue and file printer in one data directory, on a clock that runs
 * from `spanDays` ago to now, so rows and receipt files carry the days they were made on.
 */
import { readdirSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { Outbox, type OutboxClient } from '../../src/main/outbox'
import { PrinterService } from '../../src/main/printer'
import { SaleService } from '../../src/main/sales/sale-service'

const DAY_MS = 24 * 60 * 60 * 1000

export interface TillHistory {
  outbox: Outbox
  printer: PrinterService
  sales: SaleService
  /** The till's clock (ms); the outbox and print queue read it. */
  clock: { now: number }
  close(): Promise<void>
}

export function openTill(dataDir: string, client: OutboxClient, clock = { now: Date.now() }): TillHistory {
  const now = () => clock.now
  const outbox = new Outbox({ dbPath: join(dataDir, 'outbox.sqlite'), client, merchantId: 14, now })
  const printer = new PrinterService({ dataDir, now })
  const sales = new SaleService({
    outbox,
    printer,
    memberFigures: () => Promise.resolve({ level: 'Gold', balance: 125000 }),
    receiptContext: () => ({ merchantName: 'Demo Coffee' })
  })
  outbox.start()
  printer.start()
  return {
    outbox,
    printer,
    sales,
    clock,
    async close() {
      await outbox.close()
      await printer.close()
    }
  }
}

/** The sale of number `n` at `at` (ms), as a POS sends it. */
export const historySale = (n: number, at: number) => ({
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: `H-${n}`,
  total_value: 50000 + (n % 7) * 1000,
  subtotal: 45000,
  items: [
    { product_name: 'Cappucino', quantity: 2, price: 10000 },
    { product_name: 'Iced Tea', quantity: 4, price: 5000 }
  ],
  created: `${new Date(at + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`
})

/**
 * Records `count` sales spread evenly over the last `spanDays` days ending at `endAt`; each is
 * posted and its receipt printed before the next. Receipt files are dated to their job's print time.
 */
export async function recordHistory(
  till: TillHistory,
  opts: {
    count: number
    spanDays: number
    endAt: number
    /** false: receipts print while later sales are recorded (a job's time may trail its sale's by a few sales). */
    printEach?: boolean
    onProgress?: (done: number) => void
  }
): Promise<void> {
  const start = opts.endAt - opts.spanDays * DAY_MS
  const step = (opts.spanDays * DAY_MS) / opts.count
  let lastJob: number | null = null
  for (let n = 0; n < opts.count; n++) {
    till.clock.now = Math.round(start + n * step)
    const result = await till.sales.submit(historySale(n, till.clock.now), 5_000)
    if (result.state !== 'posted') throw new Error(`sale ${n}: ${result.state}`)
    lastJob = result.receiptJobId ?? lastJob
    // Each receipt prints on its sale's day: the queue stamps printed_at from the same clock.
    if (lastJob !== null && opts.printEach !== false) await till.printer.whenSettled(lastJob)
    if (opts.onProgress && n % 10_000 === 0) opts.onProgress(n)
  }
  if (lastJob !== null) await till.printer.whenSettled(lastJob)
  till.clock.now = opts.endAt
  datedReceiptFiles(till)
}

/** Sets each receipt file's time to its job's print time, as if written on that day. */
function datedReceiptFiles(till: TillHistory): void {
  const dir = join(till.printer.target.replace(/^file:/, ''))
  for (const name of readdirSync(dir)) {
    const id = Number(/^(\d+)\.(bin|txt)$/.exec(name)?.[1])
    const printedAt = id ? till.printer.queue.get(id)?.printedAt : null
    if (printedAt) utimesSync(join(dir, name), new Date(printedAt), new Date(printedAt))
  }
}
