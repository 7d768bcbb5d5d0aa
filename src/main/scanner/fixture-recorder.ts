/** Builds a tests/fixtures/hid JSON from reports captured off a real device, so recordings replay like synthesised ones. */
import type { DecoderPlan } from './decoder-plan'
import type { DeviceMatch } from './device-match'
import { createReportDecoder } from './report-decoder'
import { toHex, type DeviceInfo, type ScanDropped, type ScanEvent } from './scanner-types'

export interface CapturedReport {
  at: number
  data: Uint8Array
}

export interface RecordedFixture {
  origin: string
  description: string
  spec: string
  device: DeviceInfo
  /** The interface's report descriptor (hex) when the platform gave it: replay reads the device as recorded. */
  descriptor?: string
  reports: Array<{ delayMs: number; hex: string }>
  expected: { scans: ScanEvent[]; dropped: ScanDropped[] }
}

/**
 * `expected` is what today's decoder makes of the capture: review it by hand before committing,
 * otherwise the fixture only proves the decoder agrees with itself. Only record test cards: a
 * magstripe capture is the card's track data.
 */
export function buildFixture(
  spec: string,
  match: DeviceMatch,
  captured: CapturedReport[],
  description: string,
  date = new Date(),
  device: { plan?: DecoderPlan; descriptor?: Uint8Array } = {}
): RecordedFixture {
  // The device's own plan (vendor id, descriptor) decodes the capture the way the service will.
  const decoder = createReportDecoder(device.plan ?? match.mode)
  const scans: ScanEvent[] = []
  const dropped: ScanDropped[] = []
  const take = (out: ReturnType<typeof decoder.push>): void => {
    for (const o of out) {
      if (o.type === 'scan') scans.push(o.scan)
      else dropped.push(o.dropped)
    }
  }
  captured.forEach((r) => take(decoder.push(r.data, r.at)))
  const last = captured.at(-1)?.at ?? 0
  take(decoder.flush(last + 60_000))
  const { path: _path, serialNumber: _serial, ...info } = match.device // machine-specific or identifying
  return {
    origin:
      `recorded ${date.toISOString().slice(0, 10)} from ${match.device.manufacturer ?? ''} ${match.device.product ?? ''} (expected: decoder output, reviewed by hand)`.replace(
        /\s+/g,
        ' '
      ),
    description,
    spec,
    device: { ...info, path: '/dev/hidraw-recorded' },
    ...(device.descriptor && { descriptor: toHex(device.descriptor) }),
    reports: captured.map((r, i) => ({
      delayMs: Math.max(0, Math.round(r.at - (captured[i - 1]?.at ?? r.at))),
      hex: toHex(r.data)
    })),
    expected: { scans, dropped }
  }
}
