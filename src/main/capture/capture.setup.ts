/**
 * The capture domain: the host listens as the POS's network printer (settings.capture), keeps
 * every job on disk, and forwards it to the real printer (the printer setting) fail-open.
 */
import { join } from 'node:path'
import type { HostContext } from '../host/host-context'
import type { Outbox } from '../outbox'
import type { StatusService } from '../status/status-service'
import { createTransport, defaultPrinterSpec } from '../printer'
import type { LivePrinter } from '../printer/live-printer'
import { CONNECTED_UNKNOWN } from '../printer/printer-transport'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { openCaptureDb } from './capture-db'
import { CaptureForwarder } from './capture-forwarder'
import { CaptureJobs } from './capture-jobs'
import { CaptureLoyalty } from './capture-loyalty'
import { CaptureServer } from './capture-server'
import { CaptureStore } from './capture-store'
import type { MemberPairing } from './member-pairing'

export interface Capture {
  /** `tcp://host:port` the POS prints to. */
  url: string
  store: CaptureStore
  forwarder: CaptureForwarder
  /** Desk look-ups and scans: the member the next receipt's stamps go to. */
  pairing: MemberPairing
}

/** How often the real printer's state is read for the POS's status requests. */
const STATUS_EVERY_MS = 10_000
/**
 * How long a receipt waits for its footer (dropped past it): 30 of the 50 ms a receipt may print
 * later than without the host, the rest for the capture commit, reading, the printer's status
 * check and the send (bench:capture measures the whole).
 */
export const CAPTURE_BUDGET_MS = 30
/** How long the footer waits for Stamps' answer before it says stamps pending. */
export const STAMPS_WAIT_MS = 20

export async function setupCapture(
  ctx: HostContext,
  deps: {
    printer: LivePrinter
    outbox: Outbox
    status: StatusService
    pairing: MemberPairing
    upstream?: { readonly downSignal: AbortSignal } | null
  }
): Promise<Capture | null> {
  const { capture } = ctx.settings
  if (capture.port === null) {
    const off = new CaptureJobs(null)
    ctx.ipc.register({
      'capture:jobs': (req) => off.list(req),
      'capture:test-template': ({ template, limit }) => off.test(template, limit)
    })
    return null
  }
  const { printer } = deps
  const db = openCaptureDb(join(ctx.dataDir, 'capture.sqlite'))
  ctx.onClose(() => void db.close())
  const store = new CaptureStore(db)
  const recovered = store.recover(Date.now())
  if (recovered.interrupted + recovered.held > 0)
    ctx.log(`capture: ${recovered.interrupted} job(s) cut off by the last stop, ${recovered.held} held for a person`)

  const { pairing } = deps
  const loyalty = new CaptureLoyalty({
    store,
    outbox: deps.outbox,
    storeId: ctx.settings.store,
    templates: () => capture.templates,
    pairing,
    waitMs: STAMPS_WAIT_MS,
    upstream: deps.upstream ?? null,
    footer: () => ({ language: deps.status.get().language, columns: printer.settings.paperWidth === 80 ? 48 : 32 })
  })
  const forwarder = new CaptureForwarder({
    store,
    transport: () =>
      createTransport(printer.settings.spec ?? defaultPrinterSpec(ctx.dataDir), {
        columns: printer.settings.paperWidth === 80 ? 48 : 32
      }),
    footerFor: (job) => loyalty.footerFor(job),
    budgetMs: CAPTURE_BUDGET_MS,
    log: ctx.log
  })
  ctx.onClose(() => forwarder.close())

  let status: PrinterStatus = CONNECTED_UNKNOWN
  const readStatus = (): void =>
    void printer.status().then(
      (s) => (status = s),
      () => undefined
    )
  printer.on('status', (s) => (status = s))
  readStatus()
  const poll = setInterval(readStatus, STATUS_EVERY_MS)
  poll.unref()
  ctx.onClose(() => clearInterval(poll))

  const jobs = new CaptureJobs(store)
  ctx.ipc.register({
    'capture:jobs': (req) => jobs.list(req),
    'capture:test-template': ({ template, limit }) => jobs.test(template, limit)
  })

  const server = new CaptureServer({
    host: capture.host,
    port: capture.port,
    store,
    printerStatus: () => status,
    onJob: () => forwarder.wake(),
    idleGapMs: capture.idleGapMs,
    maxConnections: capture.maxConnections,
    log: ctx.log
  })
  const port = await server.start()
  // Closed before the forwarder (closers run in reverse): no job arrives while the last one is sent.
  ctx.onClose(() => server.close())
  forwarder.wake() // jobs captured before the last stop and not yet printed
  const host = capture.host.includes(':') ? `[${capture.host}]` : capture.host
  return { url: `tcp://${host}:${port}`, store, forwarder, pairing }
}
