import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeHidBackend } from './fake-hid-device'
import { matchDevice } from './device-match'
import { createScannerService } from './scanner-service'
import { parseScannerSpec } from './scanner-spec'
import { deviceInfoSchema, fromHex, scanEventSchema, type ScanDropped, type ScanEvent } from './scanner-types'
import { z } from 'zod'

const fixtureSchema = z.object({
  origin: z.string(),
  description: z.string(),
  spec: z.string(),
  device: deviceInfoSchema,
  /** The interface's report descriptor (hex), as Linux sysfs would give it; absent where the source has none. */
  descriptor: z
    .string()
    .regex(/^([0-9a-f]{2})+$/)
    .optional(),
  reports: z.array(z.object({ delayMs: z.number().min(0), hex: z.string().regex(/^([0-9a-f]{2})+$/) })).min(1),
  expected: z.object({
    scans: z.array(scanEventSchema),
    dropped: z.array(
      z.object({
        source: z.enum(['hid-pos', 'keyboard', 'magstripe']),
        reason: z.string(),
        length: z.number(),
        detail: z.string().optional()
      })
    )
  })
})

const dir = join(import.meta.dirname, '../../../tests/fixtures/hid')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()

describe('HID fixtures replayed through the fake device and the scanner service', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => vi.useRealTimers())

  it('has the fixture set the issue asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(12)
  })

  it.each(files)('%s', async (file) => {
    const fx = fixtureSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')))
    const spec = parseScannerSpec(fx.spec)
    if (spec.kind !== 'hid' && spec.kind !== 'hid-pos') throw new Error(`${file}: fixtures need a HID spec`)
    // A decoy keyboard interface from another vendor must never be picked instead of the fixture's device.
    const decoy = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw-decoy', usagePage: 1, usage: 6 }
    const backend = new FakeHidBackend([decoy, fx.device])
    if (fx.descriptor && fx.device.path) backend.descriptors.set(fx.device.path, fromHex(fx.descriptor))
    expect(matchDevice(spec, backend.devices)?.device.path).toBe(fx.device.path)
    const service = createScannerService({ spec, backend, pollMs: 60_000 })
    const scans: ScanEvent[] = []
    const dropped: ScanDropped[] = []
    service.on('scan', (s) => scans.push(s))
    service.on('dropped', (d) => dropped.push(d))
    await service.start()
    expect(service.status().state).toBe('connected')
    const device = backend.current()
    if (!device) throw new Error('no device opened')

    for (const r of fx.reports) {
      await vi.advanceTimersByTimeAsync(r.delayMs)
      device.send(r.hex) // the same 'data' event path HIDAsync uses
    }
    await vi.advanceTimersByTimeAsync(1000) // let any inter-report timeout fire

    const comparable = scans.map((s, i) => (fx.expected.scans[i]?.raw === undefined ? { ...s, raw: undefined } : s))
    const expected = fx.expected.scans.map((s) => ({ ...s, raw: s.raw }))
    expect(comparable).toEqual(expected)
    expect(dropped).toEqual(fx.expected.dropped)
    // Track data must never travel as raw hex (it would end up in logs).
    for (const s of scans.filter((x) => x.source === 'magstripe')) expect(s.raw).toBeUndefined()
    // raw is the scan's own run of reports, in order, taken from the stream.
    const stream = fx.reports.map((r) => r.hex).join(' ')
    for (const s of scans.filter((x) => x.source !== 'magstripe')) expect(stream).toContain(s.raw ?? 'missing raw')
    await service.stop()
  })
})
