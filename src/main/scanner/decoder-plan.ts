/** Decides once per opened device how its reports are read: from the setting, the vendor id and the report descriptor. */
import type { DeviceMatch, HidScannerSpec } from './device-match'
import { MAGTEK_REPORT_BYTES } from './magtek-decoder'
import { POS_LAYOUTS, POS_REPORT_BYTES, POS_REPORT_ID, type PosLayout } from './pos-layouts'
import { expectedReportLength, type DescriptorSummary } from './report-descriptor'
import type { KeyboardFrame } from './keyboard-decoder'
import type { ScannerMode } from './scanner-spec'

/** Vendors whose HID POS layout is documented (ids from the USB ID repository, usb.ids). */
export const POS_VENDORS: ReadonlyMap<number, { name: string; layout: PosLayout }> = new Map([
  [0x0c2e, { name: 'Honeywell (Metrologic)', layout: 'aim' }],
  [0x0536, { name: 'Honeywell (Hand Held Products)', layout: 'aim' }],
  [0x0db5, { name: 'Access-IS', layout: 'aim' }],
  [0x1eab, { name: 'Newland', layout: 'newland' }]
])

export interface DecoderPlan {
  mode: ScannerMode
  /** HID POS: the layouts a report may fit; one when the setting or vendor says, both when the contents must. */
  layouts: PosLayout[]
  /** Keyboard: how reports are framed when the descriptor says (a report id byte first, and which id). */
  keyboardFrame?: KeyboardFrame
  /** Set when the descriptor rules out every documented layout: each report is dropped with this reason. */
  refusal?: string
  /** Why this plan, for the log line when the device opens. */
  basis: string
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0')

function posPlan(match: DeviceMatch, spec: HidScannerSpec, d?: DescriptorSummary): DecoderPlan {
  const vendor = POS_VENDORS.get(match.device.vendorId)
  const [layouts, basis]: [PosLayout[], string] = spec.layout
    ? [[spec.layout], `layout=${spec.layout} in the scanner setting`]
    : vendor
      ? [[vendor.layout], `${vendor.name} documents the ${vendor.layout} layout`]
      : [['aim', 'newland'], `vendor ${hex4(match.device.vendorId)} unknown: each report must fit exactly one layout`]
  const declared = d?.numbered ? expectedReportLength(d, POS_REPORT_ID) : undefined
  if (d && declared !== POS_REPORT_BYTES) {
    const what = declared === undefined ? 'no report 2' : `report 2 as ${declared} bytes`
    return { mode: 'pos', layouts: [], basis, refusal: `the report descriptor declares ${what}, not 64 bytes` }
  }
  return { mode: 'pos', layouts, basis: `${basis} (${layouts.map((l) => POS_LAYOUTS[l].label).join('; ')})` }
}

function keyboardPlan(d?: DescriptorSummary): DecoderPlan {
  const basis = 'boot keyboard reports'
  if (!d) return { mode: 'keyboard', layouts: [], basis }
  if (!d.numbered) {
    if (d.inputBytes.get(0) === 8) return { mode: 'keyboard', layouts: [], basis, keyboardFrame: { reportId: null } }
    return { mode: 'keyboard', layouts: [], basis, refusal: 'the report descriptor declares no 8-byte input report' }
  }
  // With numbered reports the keyboard report is the one whose input is 8 bytes after its id.
  const id = [...d.inputBytes].find(([, bytes]) => bytes === 8)?.[0]
  if (id === undefined)
    return { mode: 'keyboard', layouts: [], basis, refusal: 'the report descriptor declares no 8-byte keyboard report' }
  return { mode: 'keyboard', layouts: [], basis: `${basis}, report id ${id}`, keyboardFrame: { reportId: id } }
}

function msrPlan(d?: DescriptorSummary): DecoderPlan {
  const basis = `MagTek HID swipe reader (${MAGTEK_REPORT_BYTES}-byte card data report)`
  const declared = d && expectedReportLength(d, 0)
  if (d && (d.numbered || declared !== MAGTEK_REPORT_BYTES))
    return {
      mode: 'msr',
      layouts: [],
      basis,
      refusal: 'the report descriptor is not the 337-byte MagTek card data report'
    }
  return { mode: 'msr', layouts: [], basis }
}

/** The plan for one opened interface; `descriptor` is absent where the platform does not expose it. */
export function planDecoder(match: DeviceMatch, spec: HidScannerSpec, descriptor?: DescriptorSummary): DecoderPlan {
  if (match.mode === 'pos') return posPlan(match, spec, descriptor)
  if (match.mode === 'msr') return msrPlan(descriptor)
  return keyboardPlan(descriptor)
}

/** The plan a mode gets with nothing known about the device (recordings, tests): HID POS by contents. */
export const planForMode = (mode: ScannerMode): DecoderPlan =>
  mode === 'pos'
    ? { mode, layouts: ['aim', 'newland'], basis: 'by report contents' }
    : { mode, layouts: [], basis: mode === 'msr' ? 'MagTek HID swipe reader' : 'boot keyboard reports' }
