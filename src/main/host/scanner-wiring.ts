/**
 * Builds the scanner the settings name. `fake` is for end-to-end tests and demos without a
 * device: a HID POS scanner whose reports arrive over the UI server's token-guarded
 * `/test/hid-report` route, through the same decoder path node-hid `data` events take.
 */
import { z } from 'zod'
import { createScanner, parseScannerSpec, type ScannerService } from '../scanner'
import { FakeHidBackend } from '../scanner/fake-hid-device'
import type { UiPostRoute } from './ui-server'

export interface ScannerSetup {
  scanner: ScannerService | null
  /** Extra UI server routes (only for the fake scanner). */
  routes: Record<string, UiPostRoute>
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

export function setupScanner(spec: string, log: (line: string) => void): ScannerSetup {
  if (spec !== 'fake') return { scanner: createScanner(parseScannerSpec(spec), { log }), routes: {} }
  const backend = new FakeHidBackend([FAKE_DEVICE])
  const scanner = createScanner({ kind: 'hid-pos' }, { backend, pollMs: 200, log })
  const feed: UiPostRoute = async (body) => {
    const parsed = reportSchema.safeParse(body)
    if (!parsed.success) return { status: 400, body: { detail: parsed.error.issues[0]?.message ?? 'bad report' } }
    const device = backend.current()
    if (!device) return { status: 409, body: { detail: 'the fake scanner is not open yet' } }
    device.send(parsed.data.hex)
    return { status: 200, body: { ok: true } }
  }
  return { scanner, routes: { '/test/hid-report': feed } }
}
