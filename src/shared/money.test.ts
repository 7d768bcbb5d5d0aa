import { describe, expect, it } from 'vitest'
import { formatRupiah } from './money'

describe('formatRupiah', () => {
  it('groups thousands with dots and has no decimals', () => {
    expect(formatRupiah(10000)).toBe('Rp10.000')
    expect(formatRupiah(0)).toBe('Rp0')
    expect(formatRupiah(999)).toBe('Rp999')
    expect(formatRupiah(1000)).toBe('Rp1.000')
    expect(formatRupiah(1234567890)).toBe('Rp1.234.567.890')
  })

  it('puts the minus sign before Rp', () => {
    expect(formatRupiah(-10000)).toBe('-Rp10.000')
    expect(formatRupiah(-0.4)).toBe('Rp0')
  })

  it('rounds fractions half away from zero', () => {
    expect(formatRupiah(1499.5)).toBe('Rp1.500')
    expect(formatRupiah(-1499.5)).toBe('-Rp1.500')
    expect(formatRupiah(1499.49)).toBe('Rp1.499')
  })

  it('refuses non-finite amounts', () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError)
    expect(() => formatRupiah(Infinity)).toThrow(RangeError)
  })
})
