import { describe, expect, it } from 'vitest'
import { createReportDecoder, redactScan } from './report-decoder'

const T1 = '%B6009990000000123^SANTOSO/BUDI^2812101000000000?'
const T2 = ';6009990000000123=28121010000000000?'

describe('redactScan', () => {
  it('never shows track data, only a masked PAN', () => {
    const line = redactScan({ source: 'magstripe', text: T1 + T2 })
    expect(line).toBe('magstripe track1+track2 PAN ************0123')
    expect(line).not.toContain('SANTOSO')
    expect(redactScan({ source: 'magstripe', text: '%E?' })).toBe('magstripe no tracks read-error')
  })
  it('shows a short tail of long identifiers and nothing of short ones', () => {
    expect(redactScan({ source: 'keyboard', text: 'member@stamps.co.id' })).toBe('keyboard len=19 …o.id')
    expect(redactScan({ source: 'hid-pos', symbology: ']E0', text: '12345678' })).toBe('hid-pos ]E0 len=8')
  })
})

describe('createReportDecoder', () => {
  it('reports a deadline only while a partial scan is pending', () => {
    const d = createReportDecoder('keyboard', 300)
    expect(d.deadline()).toBeNull()
    d.push(Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]), 10)
    expect(d.deadline()).toBe(311)
    expect(d.flush(311)).toEqual([{ type: 'dropped', dropped: { source: 'keyboard', reason: 'timeout', length: 1 } }])
    expect(d.deadline()).toBeNull()
  })
})
