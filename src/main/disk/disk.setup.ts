/**
 * The disk domain: which parts of the data directory cannot write (on the status bar and in the
 * log), and retention, which keeps the data directory bounded.
 */
import { join } from 'node:path'
import type { HostContext } from '../host/host-context'
import type { Outbox } from '../outbox'
import type { LivePrinter } from '../printer/live-printer'
import type { StatusService } from '../status/status-service'
import { DiskHealth } from './disk-health'
import { Retention } from './retention'

export function setupDisk(ctx: HostContext, deps: { status: StatusService }): DiskHealth {
  const disk = new DiskHealth(ctx.log)
  disk.on('changed', (s) => deps.status.update('disk', s))
  return disk
}

/** Retention runs this often after the run at start. */
const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000

/** Prunes finished sales, printed jobs and old receipt files at start and every few hours. */
export function setupRetention(ctx: HostContext, deps: { outbox: Outbox; printer: LivePrinter }): Retention {
  const { outbox, printer } = deps
  const retention = new Retention({
    sales: { prune: (before, limit) => outbox.prunePosted(before, limit), reclaimSpace: () => outbox.reclaimSpace() },
    printJobs: {
      prune: (before, limit) => printer.prunePrinted(before, limit),
      reclaimSpace: () => printer.reclaimSpace()
    },
    receiptsDir: join(ctx.dataDir, 'receipts'),
    days: ctx.settings.retentionDays
  })
  let running: Promise<void> | null = null
  const run = (): void => {
    if (running) return
    running = retention
      .run()
      .then(
        (r) => {
          if (r.sales + r.printJobs + r.receiptFiles === 0) return
          ctx.log(
            `retention: pruned ${r.sales} posted sale(s), ${r.printJobs} printed job(s) and ${r.receiptFiles} ` +
              `receipt file(s) older than ${ctx.settings.retentionDays} days; ${Math.round(r.reclaimedBytes / 1024)} KB given back`
          )
        },
        (e: Error) =>
          ctx.log(`retention: not finished (${e.message}); trying again in ${RETENTION_EVERY_MS / 3_600_000} h`)
      )
      .finally(() => (running = null))
  }
  // After start-up's own work: the first sale is never kept waiting by a prune.
  const first = setTimeout(run, 1_000)
  const timer = setInterval(run, RETENTION_EVERY_MS)
  first.unref()
  timer.unref()
  ctx.onClose(async () => {
    clearTimeout(first)
    clearInterval(timer)
    await running
  })
  return retention
}
