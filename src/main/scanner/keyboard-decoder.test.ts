import { describe, expect, it } from 'vitest'
import {
  initialKeyboardState,
  keyboardFlush,
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

describe('keyMeaning', () => {
  it('maps keypad digits and keypad Enter, and ignores unknown usages', () => {
    expect(keyMeaning(0x59, false)).toEqual({ char: '1' })
    expect(keyMeaning(0x62, true)).toEqual({ char: '0' })
    expect(keyMeaning(0x58, false)).toEqual({ terminator: 'enter' })
    expect(keyMeaning(0x38, true)).toEqual({ char: '?' })
    expect(keyMeaning(0x33, false)).toEqual({ char: ';' })
    expect(keyMeaning(0xe1, false)).toEqual({ ignore: true })
  })
})
