/**
 * The printer domain: the app-wide printer (replaceable at run time from the admin screen), its
 * part of the status bar, job events to the screens, and the printer channels.
 */
import type { DiskReporter } from '../disk/disk-fault'
import type { HostContext } from '../host/host-context'
import type { StatusService } from '../status/status-service'
import { LivePrinter } from './live-printer'
import { printerCandidates } from './printer-candidates'
import { printerModels } from './printer-models'
import { statusBarPart } from './status-bar'

export function setupPrinter(ctx: HostContext, deps: { status: StatusService; disk: DiskReporter }): LivePrinter {
  const { settings } = ctx
  const printer = new LivePrinter(ctx.dataDir, {
    spec: settings.printer,
    paperWidth: settings.paperWidth,
    language: settings.language
  })
  ctx.onClose(() => printer.close())
  printer.on('disk', deps.disk)
  printer.start()

  const { status } = deps
  printer.on('status', (s) => status.update('printer', statusBarPart(s, { held: printer.counts().held })))
  printer.on('job', (job) => {
    status.update('printer', { held: printer.counts().held })
    ctx.broadcast('printer:job', job)
  })
  void printer.status().catch(() => undefined)

  ctx.ipc.register({
    'printer:status': () => printer.status(),
    'printer:test': () => printer.testPrint(),
    'printer:jobs': ({ state, limit }) => ({ jobs: printer.jobs({ limit: limit ?? 50, ...(state && { state }) }) }),
    'printer:retry': ({ id }) => printer.retry(id),
    'printer:discard': ({ id }) => printer.discard(id),
    'printer:preview': ({ jobId }) => printer.receiptPreview(jobId),
    'printer:reprint': ({ jobId }) => ({
      jobId: (jobId === undefined ? printer.reprintLast() : printer.reprint(jobId)).id
    }),
    'printer:candidates': () => printerCandidates(),
    'printer:models': () => ({ models: printerModels() })
  })
  return printer
}
