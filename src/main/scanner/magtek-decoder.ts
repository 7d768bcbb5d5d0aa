/** MagTek swipe readers in HID mode (not keyboard emulation): one 337-byte input report per swipe, decoded to track text. */

// Layout from MagTek "USB HID Swipe Reader Technical Reference Manual" (D99875191), section 4,
// Card Data: the report has no report id (vendor usage page 0xFF00) and is sent once per swipe,
// even when nothing could be decoded.
//
//   offset 0-2     track 1, 2, 3 decode status: bit 0 set = the track could not be decoded
//   offset 3-5     track 1, 2, 3 data length (0 when empty or in error)
//   offset 6       card encode type (0 ISO/ABA, 1 AAMVA, 3 blank, 4 other, 5 undetermined)
//   offset 7-116   track 1 data, 117-226 track 2 data, 227-336 track 3 data (110 bytes each),
//                  ASCII from the start sentinel to the end sentinel; bytes past the length are undefined

export const MAGTEK_REPORT_BYTES = 337
const TRACK_FIELD = 110
const TRACKS_AT = 7
/** What a keyboard-mode MagTek reader types for a track it could not decode (start sentinel, E, end). */
const ERROR_TEXT = ['%E?', ';E?', '+E?'] as const

/**
 * The tracks as one text, in the form a keyboard-mode reader types them (`%...?;...?`), so the
 * member-id parser reads both the same way; a track in error becomes `%E?` / `;E?` / `+E?`.
 */
export function decodeMagtekReport(report: Uint8Array): { text: string } | { error: string } {
  if (report.length !== MAGTEK_REPORT_BYTES)
    return { error: `report is ${report.length} bytes, not the ${MAGTEK_REPORT_BYTES} of a MagTek swipe reader` }
  let text = ''
  for (let t = 0; t < 3; t++) {
    const status = report[t] ?? 0
    const length = report[3 + t] ?? 0
    if (length > TRACK_FIELD) return { error: `track ${t + 1} length ${length} exceeds its ${TRACK_FIELD}-byte field` }
    if ((status & 0x01) === 1) text += ERROR_TEXT[t]
    else if (length > 0) {
      const at = TRACKS_AT + t * TRACK_FIELD
      text += Buffer.from(report.subarray(at, at + length)).toString('latin1')
    }
  }
  return text.length > 0 ? { text } : { error: 'no track data (blank card or no stripe)' }
}
