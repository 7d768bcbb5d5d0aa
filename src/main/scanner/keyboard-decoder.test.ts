import { describe, expect, it } from 'vitest'
import {
  initialKeyboardState,
  keyboardFlush,
  keyboardPayload,
  keyboardStep,
  type KeyboardOutput,
  type KeyboardState
} from './keyboard-decoder'
import { keyMeaning } from './keyboard-keymap'

const opts = { timeoutMs: 300 }
const rep = (mod: number, ...keys: number[]): Buffer => Buffer.from([mod, 0, ...keys, 0, 0, 0, 0, 0, 0].slice(0, 8))
const UP = rep(0)

function run(reports: Buffer[], o = opts, gap = 2): { out: KeyboardOutput[]; state: KeyboardState } {
  let state = initialKeyboardState()
  const out: KeyboardOutput[] = []
  reports.forEach((r, i) => {
    const step = keyboardStep(state, r, i * gap, o)
    state = step.state
    out.push(...step.out)
  })
  return { out, state }
}

describe('keyboardStep', () => {
  it('types letters, digits and Shift symbols, and ends on Enter', () => {
    // "aB1!" Enter: a=04, B=Shift+05, 1=1e, != Shift+1e, Enter=28
    const { out } = run([
      rep(0, 0x04),
      UP,
      rep(0x02, 0x05),
      UP,
      rep(0, 0x1e),
      UP,
      rep(0x20, 0x1e),
      UP,
      rep(0, 0x28),
      UP
    ])
    expect(out).toEqual([{ kind: 'text', text: 'aB1!', terminator: 'enter' }])
  })
  it('types a held key once and repeats only after a release', () => {
    const held = run([rep(0, 0x27), rep(0, 0x27), rep(0, 0x27), UP, rep(0, 0x28)])
    expect(held.out).toEqual([{ kind: 'text', text: '0', terminator: 'enter' }])
    const twice = run([rep(0, 0x27), UP, rep(0, 0x27), UP, rep(0, 0x28)])
    expect(twice.out).toEqual([{ kind: 'text', text: '00', terminator: 'enter' }])
  })
  it('types a second key pressed while the first is held (rollover order)', () => {
    const { out } = run([rep(0, 0x1e), rep(0, 0x1e, 0x1f), rep(0, 0x1f), UP, rep(0, 0x2b)])
    expect(out).toEqual([{ kind: 'text', text: '12', terminator: 'tab' }])
  })
  it('ignores an ErrorRollOver report instead of typing phantom keys', () => {
    const { out } = run([rep(0, 0x1e), rep(0, 0x01, 0x01, 0x01), rep(0, 0x1e), UP, rep(0, 0x28)])
    expect(out).toEqual([
      { kind: 'dropped', reason: 'rollover', length: 0 },
      { kind: 'text', text: '1', terminator: 'enter' }
    ])
  })
  it('strips a report id from 9-byte reports and rejects other sizes', () => {
    const withId = (r: Buffer): Buffer => Buffer.concat([Buffer.from([1]), r])
    expect(run([withId(rep(0, 0x1e)), withId(UP), withId(rep(0, 0x58))]).out).toEqual([
      { kind: 'text', text: '1', terminator: 'enter' }
    ])
    expect(run([Buffer.from([0, 0, 0x1e])]).out).toEqual([{ kind: 'dropped', reason: 'bad-report', length: 3 }])
  })
  it('drops a partial scan after the timeout; an Enter alone yields nothing', () => {
    const { state } = run([rep(0, 0x1e), UP])
    const later = keyboardStep(state, rep(0, 0x28), 2 + 301, opts)
    expect(later.out).toEqual([{ kind: 'dropped', reason: 'timeout', length: 1 }])
    expect(keyboardFlush(state, 2 + 300, opts).out).toEqual([])
  })
  it('delivers a complete text at the timeout when the caller says it is complete', () => {
    const { state } = run([rep(0, 0x1e), UP])
    const r = keyboardFlush(state, 1000, { timeoutMs: 300, complete: (t) => t === '1' })
    expect(r.out).toEqual([{ kind: 'text', text: '1', terminator: 'timeout' }])
    expect(r.state.text).toBe('')
  })
})

describe('keyboardStep with modifiers', () => {
  const CTRL = 0x01
  const SHIFT = 0x02
  const ALT = 0x04
  const GUI = 0x08
  const RCTRL = 0x10
  const texts = (reports: Buffer[]): KeyboardOutput[] => run(reports).out

  it('takes Ctrl+Shift+J after Enter as the LF of a CR LF suffix, not a stray J', () => {
    // The shape of the capture in node-hid issue #323: Enter, then Ctrl+Shift held, J, released.
    const out = texts([
      rep(0, 0x1e),
      UP,
      rep(0, 0x28),
      UP,
      rep(CTRL | SHIFT),
      rep(CTRL | SHIFT, 0x0d),
      rep(CTRL | SHIFT),
      UP
    ])
    expect(out).toEqual([{ kind: 'text', text: '1', terminator: 'enter' }])
  })
  it('types Ctrl combinations as the control characters of caret notation', () => {
    const out = texts([
      rep(0, 0x1e),
      rep(CTRL, 0x30), // Ctrl+] GS
      UP,
      rep(RCTRL | SHIFT, 0x23), // Ctrl+^ (Shift+6) RS
      UP,
      rep(CTRL, 0x07), // Ctrl+D EOT
      UP,
      rep(CTRL | SHIFT, 0x1f), // Ctrl+@ (Shift+2) NUL
      UP,
      rep(CTRL, 0x10) // Ctrl+M CR ends the scan
    ])
    expect(out).toEqual([{ kind: 'text', text: '1\x1d\x1e\x04\x00', terminator: 'enter' }])
    expect(texts([rep(0, 0x1f), UP, rep(CTRL, 0x0c)])).toEqual([{ kind: 'text', text: '2', terminator: 'tab' }])
  })
  it('reads Alt+keypad codes: ASCII below 128, Windows-1252 with a leading 0', () => {
    const alt = (...digits: number[]): Buffer[] => [rep(ALT), ...digits.flatMap((d) => [rep(ALT, d), rep(ALT)]), UP]
    const [k0, k2, k3, k5, k6, k9] = [0x62, 0x5a, 0x5b, 0x5d, 0x5e, 0x61]
    const out = texts([
      ...alt(k6, k5), // 65 'A'
      ...alt(k0, k0, k2, k9), // 0029 GS
      ...alt(k0, k2, k3, k3), // 0233 é
      ...alt(k0, 0x59, k3) // 013 CR: ends the scan
    ])
    expect(out).toEqual([{ kind: 'text', text: 'A\x1dé', terminator: 'enter' }])
  })
  it('drops a scan with a key that types nothing known, whole, instead of typing it shorter', () => {
    const alt = (...digits: number[]): Buffer[] => [rep(ALT), ...digits.flatMap((d) => [rep(ALT, d), rep(ALT)]), UP]
    // 233 without the leading 0 is the OEM code page, which the decoder does not carry.
    expect(texts([rep(0, 0x1e), UP, ...alt(0x5a, 0x5b, 0x5b), rep(0, 0x28)])).toEqual([
      { kind: 'dropped', reason: 'unknown-key', length: 1, detail: 'Alt code 233 types no character' }
    ])
    expect(texts([rep(0, 0x1e), UP, rep(0, 0x3e), UP, rep(0, 0x1f), UP, rep(0, 0x28)])).toEqual([
      { kind: 'dropped', reason: 'unknown-key', length: 2, detail: 'key 0x3e with modifiers 0x00 types no character' }
    ])
    expect(texts([rep(GUI, 0x15), UP, rep(0, 0x1e), UP, rep(0, 0x28), UP, rep(0, 0x1f), UP, rep(0, 0x28)])).toEqual([
      { kind: 'dropped', reason: 'unknown-key', length: 1, detail: 'key 0x15 with modifiers 0x08 types no character' },
      { kind: 'text', text: '2', terminator: 'enter' }
    ])
    expect(texts([rep(CTRL, 0x1e), rep(0, 0x28)])).toMatchObject([{ kind: 'dropped', reason: 'unknown-key' }])
  })
  it('drops a spoiled scan that never ends at the timeout, as unknown-key', () => {
    const { state } = run([rep(0, 0x1e), UP, rep(0, 0x3a), UP])
    expect(keyboardFlush(state, 1000, opts).out).toEqual([
      { kind: 'dropped', reason: 'unknown-key', length: 1, detail: 'key 0x3a with modifiers 0x00 types no character' }
    ])
  })
  it('ignores lock keys a scanner presses around keypad digits', () => {
    expect(texts([rep(0, 0x53), UP, rep(0, 0x59), UP, rep(0, 0x53), UP, rep(0, 0x58)])).toEqual([
      { kind: 'text', text: '1', terminator: 'enter' }
    ])
  })
  it('accepts only the keyboard report the descriptor declares', () => {
    const frame = { reportId: 1 }
    const withId = (id: number, r: Buffer): Buffer => Buffer.concat([Buffer.from([id]), r])
    expect(keyboardPayload(withId(1, rep(0, 0x1e)), frame)).toEqual(rep(0, 0x1e))
    expect(keyboardPayload(withId(2, rep(0, 0x1e)), frame)).toBeNull()
    expect(keyboardPayload(rep(0, 0x1e), frame)).toBeNull()
    expect(keyboardPayload(withId(1, rep(0, 0x1e)), { reportId: null })).toBeNull()
  })
})

describe('keyMeaning', () => {
  it('maps keypad digits and keypad Enter, and ignores unknown usages', () => {
    expect(keyMeaning(0x59, false)).toEqual({ char: '1' })
    expect(keyMeaning(0x62, true)).toEqual({ char: '0' })
    expect(keyMeaning(0x58, false)).toEqual({ terminator: 'enter' })
    expect(keyMeaning(0x38, true)).toEqual({ char: '?' })
    expect(keyMeaning(0x33, false)).toEqual({ char: ';' })
    expect(keyMeaning(0xe1, false)).toEqual({ ignore: true })
    expect(keyMeaning(0x3e, false)).toEqual({ unknown: true })
  })
})
