import { describe, expect, it } from 'vitest'
import { decodeHidPosReport, hidPosFlush, hidPosStep, initialHidPosState, MAX_SCAN_BYTES } from './hid-pos-decoder'
import type { PosLayout } from './pos-layouts'

/** A 64-byte report in the AIM layout (Honeywell, Access-IS), built by hand (independent of the fixture synthesiser). */
function report(
  data: string,
  opts: { aim?: string; aimAt?: number; continued?: boolean; length?: number; id?: number } = {}
): Buffer {
  const r = Buffer.alloc(64)
  r[0] = opts.id ?? 2
  r[1] = opts.length ?? data.length
  const aimAt = opts.aimAt ?? 2
  r.write(opts.aim ?? ']Q1', aimAt, 'latin1')
  r.write(data, aimAt + 3, 'latin1')
  r[61] = 0x73 // Honeywell code id 's': not data
  r[63] = opts.continued ? 1 : 0
  return r
}

/** A 64-byte report in the Newland layout: data right after the length byte, symbology byte 62. */
function newland(data: string, opts: { continued?: boolean; codeId?: number } = {}): Buffer {
  const r = Buffer.alloc(64)
  r[0] = 2
  r[1] = Buffer.byteLength(data, 'latin1')
  r.write(data, 2, 'latin1')
  r[62] = opts.codeId ?? 0x64
  r[63] = opts.continued ? 1 : 0
  return r
}

const AIM: PosLayout[] = ['aim']
const NEWLAND: PosLayout[] = ['newland']
const EITHER: PosLayout[] = ['aim', 'newland']

describe('decodeHidPosReport', () => {
  it('reads symbology, data by the length byte, and the continued flag', () => {
    expect(decodeHidPosReport(report('ABC', { continued: true }), AIM)).toEqual({
      layout: 'aim',
      symbology: ']Q1',
      data: Buffer.from('ABC'),
      continued: true
    })
  })
  it('reads a Newland report from byte 2 whole: the card is not shifted into another member', () => {
    const card = newland('1234567890123')
    expect(decodeHidPosReport(card, NEWLAND)).toEqual({
      layout: 'newland',
      data: Buffer.from('1234567890123'),
      continued: false
    })
    // Read as the AIM layout this was `4567890123` plus padding; now it is refused instead.
    expect(decodeHidPosReport(card, AIM)).toEqual({
      reason: 'unknown-layout',
      error: 'aim layout: byte 2 is 0x31, not the ] of an AIM id'
    })
  })
  it('tells the layouts apart by contents when the vendor is unknown', () => {
    expect(decodeHidPosReport(newland('1234567890123'), EITHER)).toMatchObject({ layout: 'newland' })
    expect(decodeHidPosReport(report('1234567890123', { aim: ']E0' }), EITHER)).toMatchObject({
      layout: 'aim',
      symbology: ']E0',
      data: Buffer.from('1234567890123')
    })
    // A full 56-byte AIM report: its data runs into bytes 58-61, which Newland reserves.
    const full = report('x'.repeat(56))
    expect(decodeHidPosReport(full, EITHER)).toMatchObject({ layout: 'aim', data: Buffer.from('x'.repeat(56)) })
  })
  it('never reads a report both ways: no length fits the two layouts exactly at once', () => {
    // The AIM reading's last data byte (4 + length) falls in Newland's zero padding or its
    // reserved bytes 58-61, so a report exact for one is never exact for the other.
    for (let n = 1; n <= 56; n++) {
      const asAim = decodeHidPosReport(report('7'.repeat(n), { aim: ']C0' }), EITHER)
      expect(asAim, `aim, length ${n}`).toMatchObject({ layout: 'aim' })
      const asNewland = decodeHidPosReport(newland(`]C0${'7'.repeat(Math.max(0, n - 3))}`.slice(0, n)), EITHER)
      expect(asNewland, `newland, length ${n}`).toMatchObject({ layout: 'newland' })
    }
  })
  it('drops a report whose AIM id is not at byte 2 instead of reading shifted data', () => {
    const r = decodeHidPosReport(report('8992761111113', { aim: ']E0', aimAt: 3 }), AIM)
    expect(r).toEqual({ reason: 'unknown-layout', error: 'aim layout: byte 2 is 0x00, not the ] of an AIM id' })
    expect(decodeHidPosReport(report('12345678', { aim: '\0\0\0' }), AIM)).toMatchObject({ reason: 'unknown-layout' })
  })
  it('drops a bogus length byte rather than read past the data area', () => {
    expect(decodeHidPosReport(report('X', { length: 255 }), AIM)).toEqual({
      reason: 'unknown-layout',
      error: 'aim layout: length byte 255 is not 1-56'
    })
    const full = decodeHidPosReport(report('y'.repeat(56)), AIM)
    if ('error' in full) throw new Error(full.error)
    expect(full.data.length).toBe(56)
    expect(full.data.includes(0x73)).toBe(false)
  })
  it('rejects other report ids, empty and short reports', () => {
    expect(decodeHidPosReport(report('A', { id: 4 }), AIM)).toMatchObject({ reason: 'bad-report' })
    expect(decodeHidPosReport(report('', { length: 0 }), AIM)).toMatchObject({ reason: 'unknown-layout' })
    expect(decodeHidPosReport(Buffer.from([2, 1, 0x5d, 0x45, 0x30, 0x31]), AIM)).toEqual({
      reason: 'unknown-layout',
      error: 'aim layout: report is 6 bytes, not 64'
    })
  })
})

describe('hidPosStep', () => {
  it('joins continued reports into one scan and keeps the first symbology', () => {
    let s = initialHidPosState()
    let r = hidPosStep(s, report('https://stamps.co.id/', { continued: true }), 0, 300, AIM)
    expect(r.out).toEqual([])
    s = r.state
    r = hidPosStep(s, report('m/123', { aim: ']Q1' }), 5, 300, AIM)
    expect(r.out).toEqual([{ kind: 'scan', symbology: ']Q1', data: Buffer.from('https://stamps.co.id/m/123') }])
    expect(r.state.chunks).toEqual([])
  })
  it('holds a continued scan to the layout of its first report', () => {
    const first = hidPosStep(initialHidPosState(), newland('PART', { continued: true }), 0, 300, EITHER)
    expect(first.state.layout).toBe('newland')
    const r = hidPosStep(first.state, report('REST'), 1, 300, EITHER)
    expect(r.out).toEqual([
      {
        kind: 'dropped',
        reason: 'unknown-layout',
        length: 68,
        detail: 'newland layout: bytes 6-57 after the data are not zero'
      }
    ])
    expect(r.state.chunks).toEqual([])
  })
  it('drops a continued scan whose next report is late, then decodes the new one', () => {
    const first = hidPosStep(initialHidPosState(), report('PART', { continued: true }), 0, 300, AIM)
    const r = hidPosStep(first.state, report('WHOLE'), 1000, 300, AIM)
    expect(r.out).toEqual([
      { kind: 'dropped', reason: 'timeout', length: 4 },
      { kind: 'scan', symbology: ']Q1', data: Buffer.from('WHOLE') }
    ])
  })
  it('flush drops only after the timeout', () => {
    const s = hidPosStep(initialHidPosState(), report('PART', { continued: true }), 0, 300, AIM).state
    expect(hidPosFlush(s, 300, 300).out).toEqual([])
    expect(hidPosFlush(s, 301, 300).out).toEqual([{ kind: 'dropped', reason: 'timeout', length: 4 }])
  })
  it('a non-scan report in the middle does not break the scan', () => {
    const a = hidPosStep(initialHidPosState(), report('AB', { continued: true }), 0, 300, AIM)
    const b = hidPosStep(a.state, report('zz', { id: 4 }), 1, 300, AIM)
    expect(b.out[0]).toMatchObject({ kind: 'dropped', reason: 'bad-report' })
    expect(hidPosStep(b.state, report('CD'), 2, 300, AIM).out).toEqual([
      { kind: 'scan', symbology: ']Q1', data: Buffer.from('ABCD') }
    ])
  })
  it('gives up on a runaway continued stream', () => {
    let s = initialHidPosState()
    const outs = []
    for (let i = 0; i * 56 <= MAX_SCAN_BYTES; i++) {
      const r = hidPosStep(s, report('x'.repeat(56), { continued: true }), i, 300, AIM)
      s = r.state
      outs.push(...r.out)
    }
    expect(outs).toEqual([{ kind: 'dropped', reason: 'too-long', length: expect.any(Number) }])
  })
})
