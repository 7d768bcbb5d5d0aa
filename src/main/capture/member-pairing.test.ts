import { describe, expect, it } from 'vitest'
import { MemberPairing } from './member-pairing'

describe('MemberPairing', () => {
  it('pairs the last member scanned within the window with one receipt only', () => {
    let now = 1_000
    const p = new MemberPairing(60_000, () => now)
    p.scanned('1234567890123')
    p.scanned('2000000000002')
    now += 59_000
    expect(p.take()).toBe('2000000000002')
    expect(p.take()).toBeNull()
  })

  it('does not pair a scan older than the window', () => {
    let now = 1_000
    const p = new MemberPairing(60_000, () => now)
    p.scanned('1234567890123')
    now += 60_001
    expect(p.take()).toBeNull()
  })
})
