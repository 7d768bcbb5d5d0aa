/**
 * The capture domain: the host listens as the POS's network printer (settings.capture), keeps
 * every job on disk, and forwards it to the real printer (the printer setting) fail-open.
 */
import { join } from 'node:path'
import type { HostContext } from '../host/host-context'
import { createTransport, defaultPrinterSpec } from '../printer'
import type { LivePrinter } from '../printer/live-printer'
import { CONNECTED_UNKNOWN } from '../printer/printer-transport'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { openCaptureDb } from './capture-db'
import { CaptureForwarder, type FooterFor } from './capture-forwarder'
import { CaptureServer } from './capture-server'
import { CaptureStore } from './capture-store'

export interface Capture {
  /** `tcp://host:port` the POS prints to. */
  url: string
  store: CaptureStore
  forwarder: CaptureForwarder
}

/** How often the real printer's state is read for the POS's status requests. */
const STATUS_EVERY_MS = 10_000

export async function setupCapture(
  ctx: HostContext,
  deps: { printer: LivePrinter; footerFor?: FooterFor }
): Promise<Capture | null> {
  const { capture } = ctx.settings
  if (capture.port === null) return null
  const { printer } = deps
  const db = openCaptureDb(join(ctx.dataDir, 'capture.sqlite'))
  ctx.onClose(() => void db.close())
  const store = new CaptureStore(db)
  const recovered = store.recover(Date.now())
  if (recovered.interrupted + recovered.held > 0)
    ctx.log(`capture: ${recovered.interrupted} job(s) cut off by the last stop, ${recovered.held} held for a person`)

  const forwarder = new CaptureForwarder({
    store,
    transport: () =>
      createTransport(printer.settings.spec ?? defaultPrinterSpec(ctx.dataDir), {
        columns: printer.settings.paperWidth === 80 ? 48 : 32
      }),
    ...(deps.footerFor && { footerFor: deps.footerFor }),
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
  return { url: `tcp://${host}:${port}`, store, forwarder }
}
