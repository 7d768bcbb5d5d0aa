import { describe, expect, it } from 'vitest'
import { buildFixture } from './fixture-recorder'

describe('buildFixture', () => {
  it('turns captured reports into replayable fixture JSON without machine-specific fields', () => {
    const device = {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw9',
      serialNumber: 'SN123',
      usagePage: 1,
      usage: 6,
      product: 'Voyager'
    }
    const key = (k: number): Uint8Array => Uint8Array.from([0, 0, k, 0, 0, 0, 0, 0])
    const captured = [
      { at: 100.4, data: key(0x1e) },
      { at: 102.6, data: key(0) },
      { at: 104.1, data: key(0x1f) },
      { at: 106, data: key(0) },
      { at: 108, data: key(0x28) }
    ]
    const f = buildFixture(
      'hid:0c2e:0b61?mode=keyboard',
      { device, mode: 'keyboard' },
      captured,
      'two digits',
      new Date('2026-01-02T00:00:00Z')
    )
    expect(f.device).toEqual({
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw-recorded',
      usagePage: 1,
      usage: 6,
      product: 'Voyager'
    })
    expect(f.reports.map((r) => r.delayMs)).toEqual([0, 2, 2, 2, 2])
    expect(f.reports[0]?.hex).toBe('00001e0000000000')
    expect(f.expected.scans).toEqual([{ source: 'keyboard', text: '12', raw: f.reports.map((r) => r.hex).join(' ') }])
    expect(f.origin).toBe('recorded 2026-01-02 from Voyager (expected: decoder output, reviewed by hand)')
    expect(f.descriptor).toBeUndefined()
  })
  it("decodes a capture with the device's own plan and keeps its descriptor for replay", () => {
    const device = { vendorId: 0x1eab, productId: 0x0d10, path: '/dev/hidraw2', usagePage: 0x8c, usage: 2 }
    const report = Buffer.alloc(64)
    report.set([2, 4, 0x31, 0x32, 0x33, 0x34])
    const plan = { mode: 'pos', layouts: ['newland'], basis: 'Newland documents the newland layout' } as const
    const f = buildFixture('hid-pos', { device, mode: 'pos' }, [{ at: 5, data: report }], 'card', new Date(0), {
      plan: { ...plan, layouts: [...plan.layouts] },
      descriptor: Uint8Array.of(0x05, 0x8c)
    })
    expect(f.expected.scans.map((s) => s.text)).toEqual(['1234'])
    expect(f.descriptor).toBe('058c')
  })
})
