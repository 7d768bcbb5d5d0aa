import { describe, expect, it } from 'vitest'
import { formatScannerSpec, parseScannerSpec, scannerSpecSchema } from './scanner-spec'

describe('scanner spec', () => {
  it('parses every accepted form', () => {
    expect(parseScannerSpec('hid-pos')).toEqual({ kind: 'hid-pos' })
    expect(parseScannerSpec(' WEDGE ')).toEqual({ kind: 'wedge' })
    expect(parseScannerSpec('none')).toEqual({ kind: 'none' })
    expect(parseScannerSpec('hid:0c2e:0b61')).toEqual({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 })
    expect(parseScannerSpec('hid:0C2E:0B61?mode=keyboard')).toEqual({
      kind: 'hid',
      vendorId: 0x0c2e,
      productId: 0x0b61,
      mode: 'keyboard'
    })
    expect(parseScannerSpec('hid:05e0:1200?mode=pos')).toMatchObject({ mode: 'pos' })
  })
  it('explains what is wrong and what is accepted', () => {
    expect(() => parseScannerSpec('usb')).toThrow(/invalid scanner spec "usb".*hid-pos.*wedge/)
    expect(() => parseScannerSpec('hid:c2e:b61')).toThrow(/4 hex digits/)
    expect(() => parseScannerSpec('hid:0c2e:0b61?mode=serial')).toThrow(/unknown option "mode=serial"/)
    expect(() => parseScannerSpec('hid:0000:0001')).toThrow(/vendor id 0000/)
    expect(scannerSpecSchema.safeParse(42).success).toBe(false)
  })
  it('formats back to the canonical string', () => {
    for (const s of ['hid-pos', 'wedge', 'none', 'hid:0c2e:0b61', 'hid:0801:0001?mode=keyboard']) {
      expect(formatScannerSpec(parseScannerSpec(s))).toBe(s)
    }
  })
})
