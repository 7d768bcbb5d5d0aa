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
  it('names a HID POS layout, the MagTek reader mode and the Honeywell redirect', () => {
    expect(parseScannerSpec('hid-pos?layout=newland')).toEqual({ kind: 'hid-pos', layout: 'newland' })
    expect(parseScannerSpec('hid:1eab:0d10?layout=newland')).toEqual({
      kind: 'hid',
      vendorId: 0x1eab,
      productId: 0x0d10,
      layout: 'newland'
    })
    expect(parseScannerSpec('hid:0801:0002?mode=msr')).toMatchObject({ mode: 'msr' })
    expect(parseScannerSpec('hid:0c2e:0b61?mode=pos&redirect=1')).toEqual({
      kind: 'hid',
      vendorId: 0x0c2e,
      productId: 0x0b61,
      mode: 'pos',
      redirect: true
    })
  })
  it('refuses options that cannot apply', () => {
    expect(() => parseScannerSpec('hid-pos?layout=zebra')).toThrow(/unknown option "layout=zebra"/)
    expect(() => parseScannerSpec('hid-pos?mode=keyboard')).toThrow(/unknown option "mode=keyboard"/)
    expect(() => parseScannerSpec('hid:0c2e:0b61?mode=keyboard&layout=aim')).toThrow(/need mode=pos/)
    expect(() => parseScannerSpec('hid:1eab:0d10?redirect=1')).toThrow(/Honeywell scanners only/)
    expect(() => parseScannerSpec('hid:0c2e:0b61?redirect=yes')).toThrow(/unknown option "redirect=yes"/)
  })
  it('explains what is wrong and what is accepted', () => {
    expect(() => parseScannerSpec('usb')).toThrow(/invalid scanner spec "usb".*hid-pos.*wedge/)
    expect(() => parseScannerSpec('hid:c2e:b61')).toThrow(/4 hex digits/)
    expect(() => parseScannerSpec('hid:0c2e:0b61?mode=serial')).toThrow(/unknown option "mode=serial"/)
    expect(() => parseScannerSpec('hid:0000:0001')).toThrow(/vendor id 0000/)
    expect(scannerSpecSchema.safeParse(42).success).toBe(false)
  })
  it('formats back to the canonical string', () => {
    for (const s of [
      'hid-pos',
      'wedge',
      'none',
      'hid:0c2e:0b61',
      'hid:0801:0001?mode=keyboard',
      'hid-pos?layout=aim',
      'hid:0801:0002?mode=msr',
      'hid:0c2e:0b61?mode=pos&layout=aim&redirect=1'
    ]) {
      expect(formatScannerSpec(parseScannerSpec(s))).toBe(s)
    }
  })
})
