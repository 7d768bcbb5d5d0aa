/** Boot keyboard reports ([modifier, 0, k1..k6]) to text, every modifier included: pure reducer with an inter-report timeout. */
import {
  altCodeMeaning,
  ctrlMeaning,
  isAlt,
  isCtrl,
  isErrorCode,
  isGui,
  isShift,
  keyMeaning,
  keypadDigit,
  type KeyMeaning
} from './keyboard-keymap'

/** A scan longer than this is a stuck key or a person leaning on the keypad, not a barcode. */
export const MAX_KEYBOARD_SCAN = 4096

export interface KeyboardState {
  /** Keys down in the previous report: only newly pressed keys type a character. */
  down: number[]
  text: string
  /** Keypad digits typed while Alt is held (an Alt code), or null when Alt is up. */
  alt: string | null
  /** Set when the scan held a key that types nothing known (says which): it ends as a drop, never as shortened text. */
  poisoned: string | null
  lastAt: number
}

export const initialKeyboardState = (): KeyboardState => ({ down: [], text: '', alt: null, poisoned: null, lastAt: 0 })

/** True while a scan is under way: text typed, an Alt code begun, or a key that spoiled it. */
export const keyboardPending = (s: KeyboardState): boolean => s.text.length > 0 || s.poisoned !== null || !!s.alt

export type KeyboardOutput =
  | { kind: 'text'; text: string; terminator: 'enter' | 'tab' | 'timeout' }
  | {
      kind: 'dropped'
      reason: 'timeout' | 'rollover' | 'bad-report' | 'too-long' | 'unknown-key'
      length: number
      detail?: string
    }

/** What the report descriptor says about framing: the keyboard report's id, or null when reports are unnumbered. */
export interface KeyboardFrame {
  reportId: number | null
}

/**
 * Strips a leading report id: boot reports are 8 bytes; a 9-byte report carries a report id in
 * data[0] (hidraw passes it through when the device numbers its reports). When the descriptor was
 * read, only the keyboard report itself is accepted (another report id's bytes are not keys).
 */
export function keyboardPayload(report: Uint8Array, frame?: KeyboardFrame): Uint8Array | null {
  if (frame?.reportId === null) return report.length === 8 ? report : null
  if (frame) return report.length === 9 && report[0] === frame.reportId ? report.subarray(1) : null
  if (report.length === 8) return report
  if (report.length === 9) return report.subarray(1)
  return null
}

/**
 * `complete` decides what a timeout does with buffered text: a magstripe reader may type its tracks
 * without an Enter suffix, so a text that is already complete is delivered; anything else is dropped.
 */
export interface KeyboardOptions {
  timeoutMs: number
  complete?: (text: string) => boolean
  frame?: KeyboardFrame
}

function expire(s: KeyboardState, at: number, opts: KeyboardOptions): { state: KeyboardState; out: KeyboardOutput[] } {
  if (!keyboardPending(s) || at - s.lastAt <= opts.timeoutMs) return { state: s, out: [] }
  const length = s.text.length
  const out: KeyboardOutput[] = s.poisoned
    ? [{ kind: 'dropped', reason: 'unknown-key', length, detail: s.poisoned }]
    : !s.alt && opts.complete?.(s.text)
      ? [{ kind: 'text', text: s.text, terminator: 'timeout' }]
      : [{ kind: 'dropped', reason: 'timeout', length }]
  return { state: { ...s, text: '', alt: null, poisoned: null }, out }
}

/** What a newly pressed key means under the modifiers held with it. */
function meaningOf(key: number, modifier: number): KeyMeaning | { altDigit: string } {
  if (isGui(modifier)) return { unknown: true }
  if (isAlt(modifier)) {
    const digit = keypadDigit(key)
    if (digit !== undefined) return { altDigit: digit }
    const plain = keyMeaning(key, false)
    return 'ignore' in plain ? plain : { unknown: true } // Alt+letter is a menu key, not text
  }
  if (isCtrl(modifier)) return ctrlMeaning(key, isShift(modifier))
  return keyMeaning(key, isShift(modifier))
}

/** Feeds one raw report at time `at` (ms). */
export function keyboardStep(
  state: KeyboardState,
  report: Uint8Array,
  at: number,
  opts: KeyboardOptions
): { state: KeyboardState; out: KeyboardOutput[] } {
  const expired = expire(state, at, opts)
  const out = [...expired.out]
  const { down } = expired.state
  const payload = keyboardPayload(report, opts.frame)
  if (!payload) {
    out.push({ kind: 'dropped', reason: 'bad-report', length: report.length })
    return { state: { ...expired.state, lastAt: at }, out }
  }
  const modifier = payload[0] ?? 0
  const keys = [...payload.subarray(2)].filter((k) => k !== 0)
  // A rollover report lists phantom keys; keep the previous key state so nothing is typed twice.
  if (keys.some(isErrorCode)) {
    out.push({ kind: 'dropped', reason: 'rollover', length: 0 })
    return { state: { ...expired.state, lastAt: at }, out }
  }
  let { text, alt, poisoned } = expired.state
  const apply = (m: KeyMeaning, what: () => string): void => {
    if ('char' in m) text += m.char
    else if ('unknown' in m) poisoned ??= `${what()} types no character`
    else if ('terminator' in m) {
      if (poisoned) out.push({ kind: 'dropped', reason: 'unknown-key', length: text.length, detail: poisoned })
      else if (text.length > 0) out.push({ kind: 'text', text, terminator: m.terminator })
      text = ''
      poisoned = null
    }
  }
  // Releasing Alt types the character of the keypad digits pressed while it was held.
  if (alt !== null && !isAlt(modifier)) {
    const digits = alt
    if (digits.length > 0) apply(altCodeMeaning(digits), () => `Alt code ${digits}`)
    alt = null
  }
  if (alt === null && isAlt(modifier)) alt = ''
  for (const key of keys) {
    // A key still held from the last report is not a new character (no auto-repeat from scanners).
    if (down.includes(key)) continue
    const meaning = meaningOf(key, modifier)
    if ('altDigit' in meaning) alt = (alt ?? '') + meaning.altDigit
    else
      apply(
        meaning,
        () => `key 0x${key.toString(16).padStart(2, '0')} with modifiers 0x${modifier.toString(16).padStart(2, '0')}`
      )
  }
  if (text.length > MAX_KEYBOARD_SCAN) {
    out.push({ kind: 'dropped', reason: 'too-long', length: text.length })
    text = ''
    poisoned = null
  }
  return { state: { down: keys, text, alt, poisoned, lastAt: at }, out }
}

/** Called from a timer when no report arrived for a while. */
export function keyboardFlush(
  state: KeyboardState,
  at: number,
  opts: KeyboardOptions
): { state: KeyboardState; out: KeyboardOutput[] } {
  return expire(state, at, opts)
}
