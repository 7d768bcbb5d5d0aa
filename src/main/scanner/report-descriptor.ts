/** Reads the sizes that matter out of a HID report descriptor: input report bytes per report id, numbering, top-level usages. */

// Item encoding from the USB HID 1.11 specification, section 6.2.2: a prefix byte whose bits 0-1
// give the data size (0, 1, 2 or 4 bytes), bits 2-3 the type (main, global, local) and bits 4-7
// the tag; 0xFE starts a long item (size byte, tag byte, data) that no scanner uses for reports.

export interface DescriptorSummary {
  /** True when a Report ID item appears: every report then starts with its id byte. */
  numbered: boolean
  /** Input report size in bytes per report id (id 0 when unnumbered), the id byte not counted. */
  inputBytes: Map<number, number>
  /** Usage page and usage of each top-level application collection, e.g. 0x8c:0x02 (HID POS scanner). */
  applications: Array<{ usagePage: number; usage: number }>
}

const MAIN = 0
const GLOBAL = 1
const LOCAL = 2

interface Globals {
  usagePage: number
  reportSize: number
  reportCount: number
  reportId: number
}

/** Parses a descriptor; throws on a truncated item so a corrupt read is never trusted for sizes. */
export function parseReportDescriptor(bytes: Uint8Array): DescriptorSummary {
  const summary: DescriptorSummary = { numbered: false, inputBytes: new Map(), applications: [] }
  const bits = new Map<number, number>()
  let g: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: 0 }
  const stack: Globals[] = []
  let usages: number[] = []
  let depth = 0
  for (let i = 0; i < bytes.length;) {
    const prefix = bytes[i] ?? 0
    if (prefix === 0xfe) {
      i += 3 + (bytes[i + 1] ?? 0)
      continue
    }
    const size = [0, 1, 2, 4][prefix & 0x03] ?? 0
    if (i + 1 + size > bytes.length) throw new Error(`report descriptor truncated at byte ${i}`)
    let value = 0
    for (let b = size - 1; b >= 0; b--) value = value * 256 + (bytes[i + 1 + b] ?? 0)
    const type = (prefix >> 2) & 0x03
    const tag = prefix >> 4
    i += 1 + size
    if (type === GLOBAL) {
      if (tag === 0x0) g.usagePage = value
      else if (tag === 0x7) g.reportSize = value
      else if (tag === 0x8) {
        g.reportId = value
        summary.numbered = true
      } else if (tag === 0x9) g.reportCount = value
      else if (tag === 0xa) stack.push({ ...g })
      else if (tag === 0xb) g = stack.pop() ?? g
    } else if (type === LOCAL) {
      // A 4-byte usage carries its own page in the high half (extended usage).
      if (tag === 0x0) usages.push(size === 4 ? value : g.usagePage * 0x10000 + value)
    } else if (type === MAIN) {
      if (tag === 0x8) bits.set(g.reportId, (bits.get(g.reportId) ?? 0) + g.reportSize * g.reportCount)
      if (tag === 0xa) {
        const usage = usages.at(-1)
        if (depth === 0 && value === 0x01 && usage !== undefined)
          summary.applications.push({ usagePage: Math.floor(usage / 0x10000), usage: usage % 0x10000 })
        depth++
      }
      if (tag === 0xc) depth = Math.max(0, depth - 1)
      usages = [] // local items apply to the next main item only
    }
  }
  for (const [id, n] of bits) if (n > 0) summary.inputBytes.set(id, Math.ceil(n / 8))
  return summary
}

/** The byte length node-hid delivers for an input report of `id` (the id byte included when numbered). */
export function expectedReportLength(summary: DescriptorSummary, id: number): number | undefined {
  const bytes = summary.inputBytes.get(summary.numbered ? id : 0)
  return bytes === undefined ? undefined : bytes + (summary.numbered ? 1 : 0)
}
