/** US-layout HID keyboard usage ids to characters, as typed by scanners and card readers in keyboard mode. */

// Keycodes are positional: a scanner configured for another keyboard country (e.g. German, where
// Y and Z swap) types different usages for the same character. The scanner must be set to US.

/** `unknown`: a key that stands for no character here (F keys, arrows, Backspace): the scan is not trusted. */
export type KeyMeaning = { char: string } | { terminator: 'enter' | 'tab' } | { ignore: true } | { unknown: true }

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

// Lock keys (Caps, Scroll, Num Lock: scanners press Num Lock before keypad digits) and the
// modifier usages 0xE0-0xE7, which some devices also list in the key array, type nothing.
const isIgnorable = (code: number): boolean =>
  code === 0x39 || code === 0x47 || code === 0x53 || (code >= 0xe0 && code <= 0xe7)

/** Meaning of one keycode with Shift held or not. Codes with no character are `unknown`, never guessed. */
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
  if (code === 0x29) return { char: '\x1b' } // Escape: a control character, as Ctrl+[ types it
  return isIgnorable(code) ? { ignore: true } : { unknown: true }
}

/**
 * A control character typed as text: CR and LF end a scan as Enter does, HT as Tab does; the rest
 * (GS, RS, EOT...) stay in the text, where the member-id parser drops them.
 */
export function controlMeaning(char: string): KeyMeaning {
  if (char === '\r' || char === '\n') return { terminator: 'enter' }
  if (char === '\t') return { terminator: 'tab' }
  return { char }
}

/**
 * Ctrl+key types the control character of caret notation: Ctrl+J LF, Ctrl+M CR, Ctrl+] GS, Ctrl+^
 * (Shift+6) RS, Ctrl+D EOT, Ctrl+@ NUL, Ctrl+? DEL. Scanners send their LF suffix as Ctrl+Shift+J
 * and GS1 separators as Ctrl+]; Shift does not change a control letter. Anything else is unknown.
 */
export function ctrlMeaning(code: number, shift: boolean): KeyMeaning {
  const typed = keyMeaning(code, shift)
  if (!('char' in typed) || typed.char.length !== 1) return { unknown: true }
  const c = typed.char.toUpperCase().charCodeAt(0)
  if (c >= 0x40 && c <= 0x5f) return controlMeaning(String.fromCharCode(c - 0x40))
  if (c === 0x3f) return { char: '\x7f' }
  return { unknown: true }
}

const cp1252 = new TextDecoder('windows-1252')

/**
 * The character of an Alt+keypad code, the way Windows reads it (scanners' "Alt mode" sends every
 * character so, e.g. GS as Alt+0029): below 128 it is ASCII; with a leading 0 it is a Windows-1252
 * code; a code of 128 or more without the 0 is the OEM code page, which this decoder does not
 * carry, so it is unknown rather than guessed.
 */
export function altCodeMeaning(digits: string): KeyMeaning {
  const code = Number(digits)
  if (digits.length === 0 || !Number.isInteger(code) || code > 255) return { unknown: true }
  if (code < 128) return controlMeaning(String.fromCharCode(code))
  if (!digits.startsWith('0')) return { unknown: true }
  return { char: cp1252.decode(Uint8Array.of(code)) }
}

/** The digit a keypad key types (0x59-0x61 are 1-9, 0x62 is 0), for Alt codes. */
export function keypadDigit(code: number): string | undefined {
  if (code >= 0x59 && code <= 0x61) return String(code - 0x58)
  return code === 0x62 ? '0' : undefined
}

/** Modifier bits 1 (left Shift) and 5 (right Shift). */
export const isShift = (modifier: number): boolean => (modifier & 0x22) !== 0
/** Modifier bits 0 and 4: left and right Ctrl. */
export const isCtrl = (modifier: number): boolean => (modifier & 0x11) !== 0
/** Modifier bits 2 and 6: left and right Alt. */
export const isAlt = (modifier: number): boolean => (modifier & 0x44) !== 0
/** Modifier bits 3 and 7: left and right GUI (Windows, Command): never part of typed text. */
export const isGui = (modifier: number): boolean => (modifier & 0x88) !== 0

/** Usages 0x01-0x03 are ErrorRollOver / POSTFail / ErrorUndefined: the report's key list is not real. */
export const isErrorCode = (code: number): boolean => code >= 0x01 && code <= 0x03
