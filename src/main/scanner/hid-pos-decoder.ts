/** HID POS (usage page 0x8C) input reports: pure decoding of one report and reassembly of multi-report scans. */

/** Report id of the Bar Code Scanner input report (Honeywell, Zebra, Datalogic HID POS modes). */
export const HID_POS_REPORT_ID = 0x02
/** Decoded data occupies bytes 5-60 at most: 56 bytes per report. */
const MAX_DATA_PER_REPORT = 56
/** Byte 63 bit 0: more reports follow. Vendor code id bytes (61-62) sit before it and are not data. */
const FLAGS_OFFSET = 63
/** Where a `]` may start the AIM id. Most devices: byte 2; some put it one byte later. */
const AIM_SEARCH = [2, 3, 4] as const
/** A scan longer than this is a runaway stream (continued flag stuck), not a barcode. */
export const MAX_SCAN_BYTES = 8192

export interface HidPosChunk {
  /** AIM symbology id such as `]Q1`, or undefined when the device sent none. */
  symbology?: string
  data: Buffer
  continued: boolean
}

const isAimChar = (b: number | undefined): boolean => b !== undefined && b > 0x20 && b < 0x7f

/** Decodes one raw report (data[0] is the report id). Returns an error string for reports that are not scans. */
export function decodeHidPosReport(report: Uint8Array): HidPosChunk | { error: string } {
  if (report.length < 3) return { error: `report too short (${report.length} bytes)` }
  if (report[0] !== HID_POS_REPORT_ID) return { error: `report id ${report[0]} is not a scan report` }
  const length = report[1] ?? 0
  if (length === 0) return { error: 'empty scan report' }
  // Find `]` + two printable chars rather than trusting offset 2 (some firmwares shift it by one byte).
  const aimAt = AIM_SEARCH.find((i) => report[i] === 0x5d && isAimChar(report[i + 1]) && isAimChar(report[i + 2]))
  const symbology = aimAt === undefined ? undefined : String.fromCharCode(...report.subarray(aimAt, aimAt + 3))
  const start = aimAt === undefined ? 5 : aimAt + 3
  // Clip to the data area: a bad length byte must not pull in the flags byte or run off the report.
  const end = Math.min(start + Math.min(length, MAX_DATA_PER_REPORT), report.length, FLAGS_OFFSET)
  const continued = ((report[FLAGS_OFFSET] ?? 0) & 0x01) === 1
  return { symbology, data: Buffer.from(report.subarray(start, end)), continued }
}

export interface HidPosState {
  chunks: Buffer[]
  symbology?: string
  lastAt: number
}

export const initialHidPosState = (): HidPosState => ({ chunks: [], lastAt: 0 })

export type HidPosOutput =
  | { kind: 'scan'; symbology?: string; data: Buffer }
  | { kind: 'dropped'; reason: 'timeout' | 'bad-report' | 'too-long'; length: number; detail?: string }

const pending = (s: HidPosState): number => s.chunks.reduce((n, c) => n + c.length, 0)

/**
 * Feeds one report at time `at` (ms). A continued scan whose next report arrives later than
 * `timeoutMs` is dropped: the scanner was unplugged mid-scan or a report was lost.
 */
export function hidPosStep(
  state: HidPosState,
  report: Uint8Array,
  at: number,
  timeoutMs: number
): { state: HidPosState; out: HidPosOutput[] } {
  const out: HidPosOutput[] = []
  let s = state
  if (s.chunks.length > 0 && at - s.lastAt > timeoutMs) {
    out.push({ kind: 'dropped', reason: 'timeout', length: pending(s) })
    s = initialHidPosState()
  }
  const chunk = decodeHidPosReport(report)
  if ('error' in chunk) {
    // Non-scan reports (other report ids) leave a scan in progress alone.
    out.push({ kind: 'dropped', reason: 'bad-report', length: report.length, detail: chunk.error })
    return { state: s, out }
  }
  const chunks = [...s.chunks, chunk.data]
  const symbology = s.symbology ?? chunk.symbology
  const total = pending({ chunks, lastAt: at })
  if (total > MAX_SCAN_BYTES) {
    out.push({ kind: 'dropped', reason: 'too-long', length: total })
    return { state: initialHidPosState(), out }
  }
  if (chunk.continued) return { state: { chunks, symbology, lastAt: at }, out }
  out.push({ kind: 'scan', symbology, data: Buffer.concat(chunks) })
  return { state: initialHidPosState(), out }
}

/** Called from a timer when no report arrived: drops a continued scan that never finished. */
export function hidPosFlush(
  state: HidPosState,
  at: number,
  timeoutMs: number
): { state: HidPosState; out: HidPosOutput[] } {
  if (state.chunks.length === 0 || at - state.lastAt <= timeoutMs) return { state, out: [] }
  return { state: initialHidPosState(), out: [{ kind: 'dropped', reason: 'timeout', length: pending(state) }] }
}
