/** Picks the interface to open from a device list, for a scanner spec; pure so hot-plug logic is testable. */
import type { ScannerMode, ScannerSpec } from './scanner-spec'
import type { DeviceInfo } from './scanner-types'

export const HID_POS_USAGE_PAGE = 0x8c
export const HID_POS_BARCODE_USAGE = 0x02
const GENERIC_DESKTOP = 0x01
const KEYBOARD_USAGE = 0x06
/** MagTek's HID swipe readers: vendor page 0xFF00, usage 0x01 "Decoding reader device" (D99875191, section 4). */
export const MAGTEK_VENDOR_ID = 0x0801
const VENDOR_PAGE = 0xff00
const DECODING_READER = 0x01

export type HidScannerSpec = Extract<ScannerSpec, { kind: 'hid-pos' | 'hid' }>

export interface DeviceMatch {
  device: DeviceInfo
  mode: ScannerMode
}

const isPos = (d: DeviceInfo): boolean => d.usagePage === HID_POS_USAGE_PAGE && d.usage === HID_POS_BARCODE_USAGE
const isKeyboard = (d: DeviceInfo): boolean => d.usagePage === GENERIC_DESKTOP && d.usage === KEYBOARD_USAGE
const isMsr = (d: DeviceInfo): boolean => d.usagePage === VENDOR_PAGE && d.usage === DECODING_READER
const byPath = (a: DeviceInfo, b: DeviceInfo): number => (a.path ?? '').localeCompare(b.path ?? '')

/**
 * Composite scanners list one entry per interface (keyboard, HID POS, vendor): match the usage
 * page, not only VID/PID. The libusb backend may report no usage at all; then the first interface
 * is used with the mode the spec asked for (keyboard when it said nothing). A MagTek reader's
 * vendor-page interface is its HID swipe report; another vendor's vendor page is not read.
 */
export function matchDevice(spec: HidScannerSpec, devices: readonly DeviceInfo[]): DeviceMatch | null {
  const openable = devices.filter((d) => typeof d.path === 'string' && d.path.length > 0).sort(byPath)
  if (spec.kind === 'hid-pos') {
    const device = openable.find(isPos)
    return device ? { device, mode: 'pos' } : null
  }
  const mine = openable.filter((d) => d.vendorId === spec.vendorId && d.productId === spec.productId)
  if (mine.length === 0) return null
  const pos = mine.find(isPos)
  const keyboard = mine.find(isKeyboard)
  const msr = spec.vendorId === MAGTEK_VENDOR_ID ? mine.find(isMsr) : undefined
  if (spec.mode === 'pos') return { device: pos ?? firstOf(mine), mode: 'pos' }
  if (spec.mode === 'keyboard') return { device: keyboard ?? firstOf(mine), mode: 'keyboard' }
  if (spec.mode === 'msr') return { device: mine.find(isMsr) ?? firstOf(mine), mode: 'msr' }
  if (pos) return { device: pos, mode: 'pos' }
  if (msr) return { device: msr, mode: 'msr' }
  return { device: keyboard ?? firstOf(mine), mode: 'keyboard' }
}

function firstOf(list: DeviceInfo[]): DeviceInfo {
  const first = list[0]
  if (!first) throw new Error('matchDevice: empty device list')
  return first
}

/** Short human label for status screens and logs. */
export function describeDevice(d: DeviceInfo): string {
  const hex = (n: number): string => n.toString(16).padStart(4, '0')
  const name = [d.manufacturer, d.product].filter(Boolean).join(' ')
  return `${name || 'HID device'} (${hex(d.vendorId)}:${hex(d.productId)}${d.path ? ` at ${d.path}` : ''})`
}
