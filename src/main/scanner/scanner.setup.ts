/**
 * The scanner domain: the scanner the settings name (none for a keyboard wedge, which the
 * renderer reads itself), its part of the status bar, scans pushed to the screens, and the
 * admin's live scanner test, which ends with the admin session.
 *
 * `fake` is for end-to-end tests and demos without a device: a HID POS scanner whose reports
 * arrive over the browser host's token-guarded `/test/hid-report` route, through the same
 * decoder path node-hid `data` events take.
 */
import { z } from 'zod'
import type { HostContext } from '../host/host-context'
import type { AuthService } from '../auth/auth-service'
import type { StatusService } from '../status/status-service'
import { FakeHidBackend } from './fake-hid-device'
import { createNodeHidBackend } from './hid-device'
import { createScanner, parseScannerSpec, type ScannerService } from './index'
import { scannerCandidates } from './scanner-candidates'
import { ScannerTest } from './scanner-test'

/** A token-guarded POST route the browser host serves for this domain. */
export type ScannerRoute = (body: unknown) => Promise<{ status: number; body: unknown }>

export interface ScannerSetup {
  scanner: ScannerService | null
  /** Extra browser-host routes (only for the fake scanner). */
  routes: Record<string, ScannerRoute>
  /** Opens the device once every listener is attached. */
  start(): Promise<void>
}

const FAKE_DEVICE = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: 'fake:hid-pos',
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Test HID POS scanner'
}
const reportSchema = z.object({ hex: z.string().regex(/^(?:[0-9a-fA-F]{2}){1,64}$/, 'hex bytes, at most 64') })

function buildScanner(spec: string, log: (line: string) => void): Omit<ScannerSetup, 'start'> {
  if (spec !== 'fake') return { scanner: createScanner(parseScannerSpec(spec), { log }), routes: {} }
  const backend = new FakeHidBackend([FAKE_DEVICE])
  const scanner = createScanner({ kind: 'hid-pos' }, { backend, pollMs: 200, log })
  const feed: ScannerRoute = async (body) => {
    const parsed = reportSchema.safeParse(body)
    if (!parsed.success) return { status: 400, body: { detail: parsed.error.issues[0]?.message ?? 'bad report' } }
    const device = backend.current()
    if (!device) return { status: 409, body: { detail: 'the fake scanner is not open yet' } }
    device.send(parsed.data.hex)
    return { status: 200, body: { ok: true } }
  }
  return { scanner, routes: { '/test/hid-report': feed } }
}

export function setupScanner(ctx: HostContext, deps: { status: StatusService; auth: AuthService }): ScannerSetup {
  const spec = ctx.settings.scanner
  const { scanner, routes } = buildScanner(spec, ctx.log)
  const { status } = deps
  if (spec === 'wedge') status.update('scanner', { state: 'ok', detail: 'keyboard wedge' })
  if (scanner) {
    scanner.on('status', (s) =>
      status.update('scanner', { state: s.state === 'stopped' ? 'none' : s.state, ...(s.hint && { detail: s.hint }) })
    )
    scanner.on('scan', (scan) =>
      ctx.broadcast('scan:received', {
        source: scan.source,
        text: scan.text,
        ...(scan.symbology && { symbology: scan.symbology })
      })
    )
    ctx.onClose(() => scanner.stop())
  }

  const test = new ScannerTest({ scanner, spec, send: (raw) => ctx.broadcast('scanner:raw', raw) })
  // The raw scan stream is an admin tool: it ends with the admin session.
  deps.auth.on('changed', (state) => {
    if (state.role !== 'admin') test.stop()
  })
  // node-hid loads on first use only: a till without HID scanners never loads it.
  const hidBackend = createNodeHidBackend()
  ctx.ipc.register({
    'scanner:status': () => test.view(),
    'scanner:devices': () => scannerCandidates(hidBackend),
    'scanner:test-start': () => test.start(),
    'scanner:test-stop': () => test.stop()
  })
  return { scanner, routes, start: async () => scanner?.start() }
}
