import { describe, expect, it } from 'vitest'
import { decodeEscPos } from './escpos-decoder'

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)))

describe('decodeEscPos', () => {
  it('reads alignment, emphasis and size as each line starts', () => {
    const d = decodeEscPos(
      bytes(
        [0x1b, 0x40],
        [0x1b, 0x61, 1, 0x1b, 0x45, 1],
        'Title',
        [0x1b, 0x45, 0, 0x0a],
        [0x1b, 0x61, 0x32, 0x1d, 0x21, 0x11],
        'BIG',
        [0x1d, 0x21, 0, 0x0a],
        [0x1b, 0x61, 0, 0x1b, 0x21, 0x88],
        'ul',
        [0x1b, 0x21, 0, 0x0a]
      )
    )
    expect(d.lines.map((l) => [l.text, l.align, l.bold, l.width, l.height, l.underline])).toEqual([
      ['Title', 'center', true, 1, 1, false],
      ['BIG', 'right', false, 2, 2, false],
      ['ul', 'left', true, 1, 1, true]
    ])
    expect(d.initializes).toBe(1)
  })

  it('treats ESC d n as n line feeds and ignores CR', () => {
    const d = decodeEscPos(bytes('a', [0x0d, 0x1b, 0x64, 3], 'b', [0x0a]))
    expect(d.lines.map((l) => l.text)).toEqual(['a', '', '', 'b'])
  })

  it('skips unknown ESC/GS/FS sequences and raster images without printing their bytes', () => {
    const raster = [0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, ...Array(6).fill(0x41)]
    const d = decodeEscPos(
      bytes(
        [0x1b, 0x4d, 0x41, 0x1b, 0x33, 0x41, 0x1b, 0x7a],
        'x',
        [0x1c, 0x2e, 0x0a],
        raster,
        [0x0a],
        [0x1b, 0x2a, 0, 2, 0, 0x41, 0x41],
        'y',
        [0x0a]
      )
    )
    expect(d.items).toEqual([
      expect.objectContaining({ type: 'line', text: 'x' }),
      { type: 'image', widthDots: 16, heightDots: 3 },
      expect.objectContaining({ type: 'line', text: 'y' })
    ])
  })

  it('reads the stored QR payload at print time, cuts, drawer pulses and status requests', () => {
    const store = [0x1d, 0x28, 0x6b, 6, 0, 49, 80, 48, ...Array.from('ABC', (c) => c.charCodeAt(0))]
    const print = [0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48]
    const d = decodeEscPos(
      bytes(
        [0x10, 0x04, 4],
        [0x1b, 0x61, 1],
        store,
        print,
        [0x0a],
        [0x1d, 0x56, 0x42, 3],
        [0x1b, 0x70, 1, 25, 250],
        [0x1d, 0x56, 0]
      )
    )
    expect(d.items).toEqual([
      { type: 'qr', data: 'ABC', align: 'center', size: null },
      { type: 'cut', partial: true },
      { type: 'pulse', pin: 5 },
      { type: 'cut', partial: false }
    ])
    expect(d.statusRequests).toEqual([4])
    expect(d.cuts).toBe(2)
  })

  it('keeps text that was never terminated by LF', () => {
    expect(decodeEscPos(bytes('tail')).lines.map((l) => l.text)).toEqual(['tail'])
  })

  it('maps upper-half bytes through the selected code page', () => {
    expect(decodeEscPos(bytes([0x1b, 0x74, 19, 0x82, 0xd5, 0x0a])).lines[0]?.text).toBe('é€')
    expect(decodeEscPos(bytes([0x1b, 0x74, 0, 0x82, 0xd5, 0x0a])).lines[0]?.text).toBe('é╒')
    expect(decodeEscPos(bytes([0x1b, 0x74, 99, 0x82, 0x0a])).lines[0]?.text).toBe('\ufffd')
  })
})
