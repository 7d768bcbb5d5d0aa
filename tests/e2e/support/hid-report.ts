/**
 * Builds HID POS (usage page 0x8C) scan reports as a Honeywell/Zebra scanner in HID POS mode
 * sends them: report id 2, data length, AIM symbology id, up to 56 data bytes, continuation flag
 * in byte 63. Long codes span several reports.
 */
const REPORT_SIZE = 64
const DATA_PER_REPORT = 56

/** The reports (hex, report id first) that carry `text` with symbology `aim` (e.g. `]E0` EAN-13). */
export function hidPosReports(text: string, aim = ']E0'): string[] {
  const data = Buffer.from(text, 'latin1')
  const reports: string[] = []
  for (let at = 0; at < data.length || at === 0; at += DATA_PER_REPORT) {
    const chunk = data.subarray(at, at + DATA_PER_REPORT)
    const r = Buffer.alloc(REPORT_SIZE)
    r[0] = 0x02
    r[1] = chunk.length
    r.write(aim, 2, 'latin1')
    chunk.copy(r, 5)
    r[63] = at + DATA_PER_REPORT < data.length ? 0x01 : 0x00
    reports.push(r.toString('hex'))
    if (data.length === 0) break
  }
  return reports
}
