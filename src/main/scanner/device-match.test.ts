import { describe, expect, it } from 'vitest'
import { describeDevice, matchDevice } from './device-match'
import type { DeviceInfo } from './scanner-types'

// A composite Honeywell scanner: keyboard, HID POS and a vendor interface; plus an ordinary keyboard.
const kbd: DeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw3',
  usagePage: 1,
  usage: 6,
  interface: 0
}
const pos: DeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw4',
  usagePage: 0x8c,
  usage: 2,
  interface: 1
}
const vendor: DeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw5',
  usagePage: 0xff00,
  usage: 1,
  interface: 2
}
const logitech: DeviceInfo = {
  vendorId: 0x046d,
  productId: 0xc31c,
  path: '/dev/hidraw0',
  usagePage: 1,
  usage: 6,
  manufacturer: 'Logitech',
  product: 'USB Keyboard'
}
const all = [logitech, vendor, kbd, pos]

describe('matchDevice', () => {
  it('finds any HID POS scanner by usage page, not by vendor', () => {
    expect(matchDevice({ kind: 'hid-pos' }, all)).toEqual({ device: pos, mode: 'pos' })
    expect(matchDevice({ kind: 'hid-pos' }, [logitech, kbd])).toBeNull()
  })
  it('picks the interface for the requested mode on a composite device', () => {
    const spec = { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 } as const
    expect(matchDevice({ ...spec, mode: 'keyboard' }, all)).toEqual({ device: kbd, mode: 'keyboard' })
    expect(matchDevice({ ...spec, mode: 'pos' }, all)).toEqual({ device: pos, mode: 'pos' })
    expect(matchDevice(spec, all)).toEqual({ device: pos, mode: 'pos' })
    expect(matchDevice(spec, [kbd, vendor])).toEqual({ device: kbd, mode: 'keyboard' })
  })
  it('reads a MagTek reader through its vendor-page swipe report, and no other vendor page', () => {
    const magtek: DeviceInfo = {
      vendorId: 0x0801,
      productId: 0x0002,
      path: '/dev/hidraw6',
      usagePage: 0xff00,
      usage: 1
    }
    expect(matchDevice({ kind: 'hid', vendorId: 0x0801, productId: 0x0002 }, [logitech, magtek])).toEqual({
      device: magtek,
      mode: 'msr'
    })
    expect(matchDevice({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 }, [vendor])).toEqual({
      device: vendor,
      mode: 'keyboard'
    })
    const spec = { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'msr' } as const
    expect(matchDevice(spec, all)).toEqual({ device: vendor, mode: 'msr' })
  })
  it('uses the first interface when the backend reports no usage (libusb)', () => {
    const bare = { vendorId: 0x0c2e, productId: 0x0b61, path: '1-1:1.0' }
    expect(matchDevice({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'pos' }, [bare])).toEqual({
      device: bare,
      mode: 'pos'
    })
  })
  it('skips entries without a path and other ids', () => {
    expect(matchDevice({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61 }, [{ ...pos, path: undefined }])).toBeNull()
    expect(matchDevice({ kind: 'hid', vendorId: 0x0c2e, productId: 0x0001 }, all)).toBeNull()
  })
  it('describes a device for people', () => {
    expect(describeDevice(logitech)).toBe('Logitech USB Keyboard (046d:c31c at /dev/hidraw0)')
  })
})
