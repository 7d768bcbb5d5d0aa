import { describe, expect, it } from 'vitest'
import { toPrintable } from './transliterate'

describe('toPrintable', () => {
  it('strips accents and maps letters NFKD leaves alone', () => {
    expect(toPrintable('Café Crème')).toBe('Cafe Creme')
    expect(toPrintable('Straße Øresund Łódź')).toBe('Strasse Oresund Lodz')
  })

  it('straightens quotes and dashes', () => {
    expect(toPrintable('“Kopi” ‘Susu’ — 2–3…')).toBe('"Kopi" \'Susu\' - 2-3...')
  })

  it('removes emoji and unmappable scripts without leaving ? or double spaces', () => {
    expect(toPrintable('Kopi 😀 Susu ☕')).toBe('Kopi Susu ')
    expect(toPrintable('咖啡 Latte')).toBe(' Latte')
    expect(toPrintable('👍🏽')).toBe('')
  })

  it('drops control bytes so data cannot inject printer commands', () => {
    expect(toPrintable('A\x1dV\x00B\x1b@C')).toBe('AVB@C')
    expect(toPrintable('tab\there\nline')).toBe('tab here line')
  })

  it('only ever returns printable ASCII', () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i)).join('')
    expect(toPrintable(all)).toMatch(/^[\x20-\x7e]*$/)
  })
})
