/** Boot keyboard reports ([modifier, 0, k1..k6]) to text: pure reducer with an inter-report timeout. */
import { isErrorCode, isShift, keyMeaning } from './keyboard-keymap'

/** A scan longer than this is a stuck key or a person leaning on the keypad, not a barcode. */
export const MAX_KEYBOARD_SCAN = 4096

export interface KeyboardState {
  /** Keys down in the previous report: only newly pressed keys type a character. */
  down: number[]
  text: string
  lastAt: number
}

export const initialKeyboardState = (): KeyboardState => ({ down: [], text: '', lastAt: 0 })

export type KeyboardOutput =
  | { kind: 'text'; text: string; terminator: 'enter' | 'tab' | 'timeout' }
  | { kind: 'dropped'; reason: 'timeout' | 'rollover' | 'bad-report' | 'too-long'; length: number }

/**
 * Strips a leading report id: boot reports are 8 bytes; a 9-byte report carries a report id in
 * data[0] (hidraw passes it through when the device numbers its reports).
 */
export function keyboardPayload(report: Uint8Array): Uint8Array | null {
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
}

function expire(s: KeyboardState, at: number, opts: KeyboardOptions): { state: KeyboardState; out: KeyboardOutput[] } {
  if (s.text.length === 0 || at - s.lastAt <= opts.timeoutMs) return { state: s, out: [] }
  const out: KeyboardOutput[] = opts.complete?.(s.text)
    ? [{ kind: 'text', text: s.text, terminator: 'timeout' }]
    : [{ kind: 'dropped', reason: 'timeout', length: s.text.length }]
  return { state: { ...s, text: '' }, out }
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
  let { text } = expired.state
  const payload = keyboardPayload(report)
  if (!payload) {
    out.push({ kind: 'dropped', reason: 'bad-report', length: report.length })
    return { state: { down, text, lastAt: at }, out }
  }
  const modifier = payload[0] ?? 0
  const keys = [...payload.subarray(2)].filter((k) => k !== 0)
  // A rollover report lists phantom keys; keep the previous key state so nothing is typed twice.
  if (keys.some(isErrorCode)) {
    out.push({ kind: 'dropped', reason: 'rollover', length: 0 })
    return { state: { down, text, lastAt: at }, out }
  }
  for (const key of keys) {
    // A key still held from the last report is not a new character (no auto-repeat from scanners).
    if (down.includes(key)) continue
    const meaning = keyMeaning(key, isShift(modifier))
    if ('char' in meaning) text += meaning.char
    else if ('terminator' in meaning) {
      if (text.length > 0) out.push({ kind: 'text', text, terminator: meaning.terminator })
      text = ''
    }
  }
  if (text.length > MAX_KEYBOARD_SCAN) {
    out.push({ kind: 'dropped', reason: 'too-long', length: text.length })
    text = ''
  }
  return { state: { down: keys, text, lastAt: at }, out }
}

/** Called from a timer when no report arrived for a while. */
export function keyboardFlush(
  state: KeyboardState,
  at: number,
  opts: KeyboardOptions
): { state: KeyboardState; out: KeyboardOutput[] } {
  return expire(state, at, opts)
}
