import { describe, expect, it } from 'vitest'
import { decodeHidPosReport, hidPosFlush, hidPosStep, initialHidPosState, MAX_SCAN_BYTES } from './hid-pos-decoder'

/** Builds a 64-byte HID POS report by hand (independent of the fixture synthesiser). */
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

describe('decodeHidPosReport', () => {
  it('reads symbology, data by the length byte, and the continued flag', () => {
    expect(decodeHidPosReport(report('ABC', { continued: true }))).toEqual({
      symbology: ']Q1',
      data: Buffer.from('ABC'),
      continued: true
    })
  })
  it('finds the AIM id one byte later', () => {
    const r = decodeHidPosReport(report('8992761111113', { aim: ']E0', aimAt: 3 }))
    expect(r).toMatchObject({ symbology: ']E0', data: Buffer.from('8992761111113') })
  })
  it('falls back to offset 5 when the device sends no AIM id', () => {
    const r = report('12345678', { aim: '\0\0\0' })
    expect(decodeHidPosReport(r)).toEqual({ symbology: undefined, data: Buffer.from('12345678'), continued: false })
  })
  it('never reads past the data area on a bogus length byte', () => {
    const r = decodeHidPosReport(report('X', { length: 255 }))
    if ('error' in r) throw new Error(r.error)
    expect(r.data.length).toBe(56)
    expect(r.data.includes(0x73)).toBe(false)
  })
  it('rejects other report ids, empty and short reports', () => {
    expect(decodeHidPosReport(report('A', { id: 4 }))).toHaveProperty('error')
    expect(decodeHidPosReport(report('', { length: 0 }))).toHaveProperty('error')
    expect(decodeHidPosReport(Buffer.from([2, 1]))).toHaveProperty('error')
  })
})

describe('hidPosStep', () => {
  it('joins continued reports into one scan and keeps the first symbology', () => {
    let s = initialHidPosState()
    let r = hidPosStep(s, report('https://stamps.co.id/', { continued: true }), 0, 300)
    expect(r.out).toEqual([])
    s = r.state
    r = hidPosStep(s, report('m/123', { aim: ']Q1' }), 5, 300)
    expect(r.out).toEqual([{ kind: 'scan', symbology: ']Q1', data: Buffer.from('https://stamps.co.id/m/123') }])
    expect(r.state.chunks).toEqual([])
  })
  it('drops a continued scan whose next report is late, then decodes the new one', () => {
    const first = hidPosStep(initialHidPosState(), report('PART', { continued: true }), 0, 300)
    const r = hidPosStep(first.state, report('WHOLE'), 1000, 300)
    expect(r.out).toEqual([
      { kind: 'dropped', reason: 'timeout', length: 4 },
      { kind: 'scan', symbology: ']Q1', data: Buffer.from('WHOLE') }
    ])
  })
  it('flush drops only after the timeout', () => {
    const s = hidPosStep(initialHidPosState(), report('PART', { continued: true }), 0, 300).state
    expect(hidPosFlush(s, 300, 300).out).toEqual([])
    expect(hidPosFlush(s, 301, 300).out).toEqual([{ kind: 'dropped', reason: 'timeout', length: 4 }])
  })
  it('a non-scan report in the middle does not break the scan', () => {
    const a = hidPosStep(initialHidPosState(), report('AB', { continued: true }), 0, 300)
    const b = hidPosStep(a.state, report('zz', { id: 4 }), 1, 300)
    expect(b.out[0]).toMatchObject({ kind: 'dropped', reason: 'bad-report' })
    expect(hidPosStep(b.state, report('CD'), 2, 300).out).toEqual([
      { kind: 'scan', symbology: ']Q1', data: Buffer.from('ABCD') }
    ])
  })
  it('gives up on a runaway continued stream', () => {
    let s = initialHidPosState()
    const outs = []
    for (let i = 0; i * 56 <= MAX_SCAN_BYTES; i++) {
      const r = hidPosStep(s, report('x'.repeat(56), { continued: true }), i, 300)
      s = r.state
      outs.push(...r.out)
    }
    expect(outs).toEqual([{ kind: 'dropped', reason: 'too-long', length: expect.any(Number) }])
  })
})
