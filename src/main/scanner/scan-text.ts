/** Scanner bytes to text: UTF-8 when the bytes are valid UTF-8, otherwise ISO 8859-1. */

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * QR codes made by phones and web pages carry UTF-8 (with or without an ECI header, which the
 * scanner does not pass on); ISO/IEC 18004 byte mode and Code 128 default to ISO 8859-1. A text
 * in ISO 8859-1 with any byte above 0x7F is almost never valid UTF-8, so the strict UTF-8 test
 * tells them apart; ASCII reads the same either way.
 */
export function scanBytesToText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  }
}
