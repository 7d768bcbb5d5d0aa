/** US-layout HID keyboard usage ids to characters, as typed by scanners and card readers in keyboard mode. */

// Keycodes are positional: a scanner configured for another keyboard country (e.g. German, where
// Y and Z swap) types different usages for the same character. The scanner must be set to US.

export type KeyMeaning = { char: string } | { terminator: 'enter' | 'tab' } | { ignore: true }

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '1234567890'
const DIGITS_SHIFTED = '!@#$%^&*()'
// 0x2C-0x38: space - = [ ] \ (0x32 non-US #) ; ' ` , . /
const PUNCT: Record<number, [string, string]> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x32: ['#', '~'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?']
}
// Keypad: 0x54 / 0x55 * 0x56 - 0x57 + 0x59-0x61 1-9, 0x62 0, 0x63 '.'. Scanners use the keypad
// ("ALT mode" or "numeric keypad" settings) so digits come out right whatever the layout.
const KEYPAD: Record<number, string> = { 0x54: '/', 0x55: '*', 0x56: '-', 0x57: '+', 0x62: '0', 0x63: '.' }

/** Meaning of one keycode with Shift held or not. Unknown codes are ignored, not guessed. */
export function keyMeaning(code: number, shift: boolean): KeyMeaning {
  if (code >= 0x04 && code <= 0x1d) {
    const c = LETTERS[code - 0x04] ?? ''
    return { char: shift ? c.toUpperCase() : c }
  }
  if (code >= 0x1e && code <= 0x27) return { char: (shift ? DIGITS_SHIFTED : DIGITS)[code - 0x1e] ?? '' }
  if (code === 0x28 || code === 0x58) return { terminator: 'enter' }
  if (code === 0x2b) return { terminator: 'tab' }
  const p = PUNCT[code]
  if (p) return { char: shift ? p[1] : p[0] }
  if (code >= 0x59 && code <= 0x61) return { char: String(code - 0x58) }
  const k = KEYPAD[code]
  if (k) return { char: k }
  return { ignore: true }
}

/** Modifier bits 1 (left Shift) and 5 (right Shift). */
export const isShift = (modifier: number): boolean => (modifier & 0x22) !== 0

/** Usages 0x01-0x03 are ErrorRollOver / POSTFail / ErrorUndefined: the report's key list is not real. */
export const isErrorCode = (code: number): boolean => code >= 0x01 && code <= 0x03
