/** Prunes what is finished and older than the retention age, so the data directory stays bounded. */
import { readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

const DAY_MS = 24 * 60 * 60 * 1000
/** Rows per delete: short transactions, with the event loop free between them for sales. */
const BATCH = 2_000
/** Receipt files examined at once. */
const FILES_AT_ONCE = 32
const yieldToSales = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** A SQLite-backed part that can drop its finished rows and give the space back. */
export interface Prunable {
  prune(before: number, limit: number): number
  reclaimSpace(): { before: number; after: number }
}

export interface RetentionOptions {
  /** Posted sales (receipt not owed); sales queued, sending or refused are never pruned. */
  sales: Prunable
  /** Printed jobs; queued, held and discarded jobs stay. */
  printJobs: Prunable
  /** The file printer's folder: `<job>.bin` / `<job>.txt` receipts (and stale `.part`s) by age. */
  receiptsDir: string
  days: number
  now?: () => number
}

export interface RetentionRun {
  sales: number
  printJobs: number
  receiptFiles: number
  /** Bytes of SQLite files given back to the disk. */
  reclaimedBytes: number
}

export class Retention {
  private readonly now: () => number

  constructor(private readonly opts: RetentionOptions) {
    this.now = opts.now ?? Date.now
  }

  /** The moment before which finished things go. */
  cutoff(): number {
    return this.now() - this.opts.days * DAY_MS
  }

  async run(): Promise<RetentionRun> {
    const before = this.cutoff()
    const sales = await this.pruneRows(this.opts.sales, before)
    const printJobs = await this.pruneRows(this.opts.printJobs, before)
    const receiptFiles = await this.pruneFiles(before)
    let reclaimedBytes = 0
    for (const part of [this.opts.sales, this.opts.printJobs]) {
      const { before: was, after } = part.reclaimSpace()
      reclaimedBytes += was - after
    }
    return { sales, printJobs, receiptFiles, reclaimedBytes }
  }

  private async pruneRows(part: Prunable, before: number): Promise<number> {
    let total = 0
    for (;;) {
      const n = part.prune(before, BATCH)
      total += n
      if (n < BATCH) return total
      await yieldToSales()
    }
  }

  private async pruneFiles(before: number): Promise<number> {
    let names: string[]
    try {
      names = await readdir(this.opts.receiptsDir)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
      throw err
    }
    let removed = 0
    const prunable = names.filter((name) => /\.(bin|txt|part)$/.test(name))
    // A few dozen at a time: one stat and unlink after another would wait on each round trip.
    for (let i = 0; i < prunable.length; i += FILES_AT_ONCE) {
      const done = await Promise.all(
        prunable.slice(i, i + FILES_AT_ONCE).map(async (name) => {
          const path = join(this.opts.receiptsDir, name)
          const info = await stat(path).catch(() => null)
          if (!info?.isFile() || info.mtimeMs >= before) return 0
          return unlink(path).then(
            () => 1,
            () => 0
          )
        })
      )
      removed += done.reduce((a, b) => a + b, 0)
    }
    return removed
  }
}
