/** The documented HID POS scan reports (usage page 0x8C, report id 2, 64 bytes) and the exact test of whether a report fits one. */

// Both layouts are 64 bytes with the report id first, a length byte, up to 56 data bytes and bit 0
// of byte 63 meaning "more reports follow". They differ in where the data starts, and reading one
// as the other shifts the text by three bytes: `1234567890123` becomes `4567890123`, another
// member's card. So a report is decoded only with a layout it fits exactly.

export type PosLayout = 'aim' | 'newland'

export const POS_REPORT_ID = 0x02
export const POS_REPORT_BYTES = 64
const FLAGS = 63
const MAX_DATA = 56

interface Shape {
  /** First data byte: `length` data bytes run from here... */
  dataAt: number
  /** ...and zero padding up to here (the data area holds 56 bytes). */
  dataEnd: number
  /** Bytes the vendor marks reserved: zero in every documented example and capture. */
  reserved: readonly number[]
  label: string
}

export const POS_LAYOUTS: Record<PosLayout, Shape> = {
  // Hand Held Products (Honeywell) "USB Interfaces User's Guide", HID POS Interface, Getting
  // Scanned Data, p. 1-11; Access-IS ATR110 Product Manual 7.1.1 and LSR116 Product Manual A.1.
  aim: {
    dataAt: 5,
    dataEnd: 61,
    reserved: [62],
    label: 'HID POS with AIM id: bytes 2-4 the AIM symbology id, data from byte 5 (Honeywell, Access-IS)'
  },
  // Newland NLS-FM420 Integration Guide, USB Interface, HID-POS, Getting Scanned Data; the same
  // table in the QUIO QU-R-302 manual p. 79.
  newland: {
    dataAt: 2,
    dataEnd: 58,
    reserved: [58, 59, 60, 61],
    label: 'HID POS without AIM id: data from byte 2, symbology byte 62 (Newland, QUIO and other Newland engines)'
  }
}

export interface PosChunk {
  layout: PosLayout
  /** AIM symbology id such as `]Q1` (AIM layout only). */
  symbology?: string
  data: Buffer
  continued: boolean
}

const hex = (b: number | undefined): string => `0x${(b ?? 0).toString(16).padStart(2, '0')}`
// ISO/IEC 15424: `]`, a code character (a letter), a modifier character (a digit or a letter).
const isCodeChar = (b: number | undefined): boolean => b !== undefined && /^[A-Za-z]$/.test(String.fromCharCode(b))
const isModifier = (b: number | undefined): boolean => b !== undefined && /^[0-9A-Za-z]$/.test(String.fromCharCode(b))

/**
 * Fits one report (id 2, already checked) to one layout: the right size, a length of 1-56, the
 * AIM id where the AIM layout has it, zero padding after the data, zero reserved bytes and a
 * non-zero last data byte. Together these make the layouts exclusive: the AIM reading's last data
 * byte (4 + length) lies in the Newland reading's padding or reserved bytes, so no report fits both.
 */
export function fitPosReport(report: Uint8Array, layout: PosLayout): PosChunk | { why: string } {
  const shape = POS_LAYOUTS[layout]
  if (report.length !== POS_REPORT_BYTES)
    return { why: `${layout} layout: report is ${report.length} bytes, not ${POS_REPORT_BYTES}` }
  const length = report[1] ?? 0
  if (length < 1 || length > MAX_DATA) return { why: `${layout} layout: length byte ${length} is not 1-${MAX_DATA}` }
  if (layout === 'aim' && report[2] !== 0x5d)
    return { why: `aim layout: byte 2 is ${hex(report[2])}, not the ] of an AIM id` }
  if (layout === 'aim' && !(isCodeChar(report[3]) && isModifier(report[4])))
    return { why: `aim layout: bytes 3-4 (${hex(report[3])} ${hex(report[4])}) are not an AIM code and modifier` }
  const end = shape.dataAt + length
  if (report.subarray(end, shape.dataEnd).some((b) => b !== 0))
    return { why: `${layout} layout: bytes ${end}-${shape.dataEnd - 1} after the data are not zero` }
  const reserved = shape.reserved.find((i) => report[i] !== 0)
  if (reserved !== undefined) return { why: `${layout} layout: reserved byte ${reserved} is ${hex(report[reserved])}` }
  if (report[end - 1] === 0) return { why: `${layout} layout: the last data byte is zero` }
  return {
    layout,
    ...(layout === 'aim' && { symbology: String.fromCharCode(...report.subarray(2, 5)) }),
    data: Buffer.from(report.subarray(shape.dataAt, end)),
    continued: ((report[FLAGS] ?? 0) & 0x01) === 1
  }
}

/**
 * The one layout among `candidates` the report fits: the vendor's or the setting's when one is
 * named, otherwise whichever fits (never both, see {@link fitPosReport}).
 */
export function choosePosLayout(report: Uint8Array, candidates: readonly PosLayout[]): PosChunk | { why: string } {
  const fits = candidates.map((l) => fitPosReport(report, l))
  const ok = fits.filter((f): f is PosChunk => 'data' in f)
  if (ok.length === 1 && ok[0]) return ok[0]
  // Unreachable for the two layouts above; kept so a third layout can never be chosen by order.
  if (ok.length > 1) return { why: `fits ${candidates.join(' and ')} layouts alike: name one with ?layout=` }
  return { why: fits.map((f) => ('why' in f ? f.why : '')).join('; ') }
}
