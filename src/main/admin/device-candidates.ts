/**
 * What the admin can choose from: attached HID devices (as scanner specs) and local printer
 * device files (as printer specs). A network printer is typed as tcp://host:9100; a test
 * print then proves the choice, so this list only has to be a good start, never complete.
 */
import { readdir } from 'node:fs/promises'
import type { DeviceBackend } from '../scanner'
import { formatScannerSpec } from '../scanner'

export interface Candidate {
  spec: string
  label: string
}

const hex = (n: number): string => n.toString(16).padStart(4, '0')

/** HID devices, POS-usage ones first; a listing failure (no libusb/libudev) is an empty list plus why. */
export async function scannerCandidates(backend: DeviceBackend): Promise<{ candidates: Candidate[]; error?: string }> {
  try {
    const seen = new Set<string>()
    const out: Candidate[] = [
      { spec: 'hid-pos', label: 'Any HID POS scanner' },
      { spec: 'wedge', label: 'Keyboard wedge (typed into the screen)' }
    ]
    const devices = (await backend.list()).sort((a, b) => Number(b.usagePage === 0x8c) - Number(a.usagePage === 0x8c))
    for (const d of devices) {
      const spec = formatScannerSpec({ kind: 'hid', vendorId: d.vendorId, productId: d.productId })
      if (seen.has(spec)) continue // one entry per device, not per interface
      seen.add(spec)
      const name = [d.manufacturer, d.product].filter(Boolean).join(' ') || 'HID device'
      out.push({
        spec,
        label: `${name} (${hex(d.vendorId)}:${hex(d.productId)})${d.usagePage === 0x8c ? ' — HID POS' : ''}`
      })
    }
    return { candidates: out }
  } catch (err) {
    return { candidates: [], error: (err as Error).message }
  }
}

/** USB printer class nodes and USB serial adapters on Linux; elsewhere the list is empty. */
export async function printerCandidates(dev = '/dev'): Promise<{ candidates: Candidate[] }> {
  const list = async (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[])
  const usb = (await list(`${dev}/usb`))
    .filter((n) => /^lp\d+$/.test(n))
    .map((n) => ({ spec: `device:${dev}/usb/${n}`, label: `USB printer ${n}` }))
  const serial = (await list(dev))
    .filter((n) => /^tty(USB|ACM)\d+$/.test(n))
    .map((n) => ({ spec: `serial:${dev}/${n}?baud=9600`, label: `Serial ${n} (9600 baud)` }))
  return { candidates: [...usb, ...serial] }
}
