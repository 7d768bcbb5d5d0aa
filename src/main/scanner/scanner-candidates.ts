/** Scanners the admin can choose from: attached HID devices as scanner specs, plus the generic choices. */
import type { Candidate } from '../../shared/ipc'
import { formatScannerSpec } from './scanner-spec'
import type { DeviceBackend } from './scanner-types'

const hex = (n: number): string => n.toString(16).padStart(4, '0')

/** HID devices, POS-usage ones first; a listing failure (no libusb/libudev) is an empty list plus why. */
export async function scannerCandidates(
  backend: Pick<DeviceBackend, 'list'>
): Promise<{ candidates: Candidate[]; error?: string }> {
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
