import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { describe, expect, it } from 'vitest'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { layoutReceipt } from '../../shared/receipt/layout'
import type { ReceiptInput } from '../../shared/receipt/receipt-model'
import { encodeReceipt } from './escpos-encoder'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

function sample(columns: 32 | 48): ReceiptInput {
  return {
    columns,
    items: [
      { type: 'text', text: 'Kopi Kenangan Café', align: 'center', bold: true, size: 2 },
      { type: 'text', text: 'Jl. Sudirman No. 1 “Plaza” — Jakarta Selatan 12190', align: 'center' },
      { type: 'separator', char: '=' },
      { type: 'row', label: 'Invoice', value: 'INV-0001' },
      { type: 'row', label: '2x Es Kopi Susu Gula Aren Extra Large With Oat Milk', value: 'Rp56.000' },
      { type: 'row', label: 'TOTAL', value: 'Rp56.000', bold: true },
      { type: 'text', text: 'right side', align: 'right' },
      { type: 'text', text: 'x'.repeat(columns / 2), size: 2 },
      { type: 'feed', lines: 2 },
      { type: 'qr', data: 'https://stamps.co.id/r/INV-0001', size: 5 },
      { type: 'text', text: 'after qr 😀' },
      { type: 'drawer' },
      { type: 'cut', partial: false }
    ]
  }
}

describe('encodeReceipt', () => {
  for (const columns of [32, 48] as const) {
    it(`round-trips through the decoder exactly at ${columns} columns`, () => {
      const decoded = decodeEscPos(encodeReceipt(sample(columns)))
      expect(decoded.items).toEqual(layoutReceipt(sample(columns)))
      expect(decoded.lines.every((l) => l.text.length * l.width <= columns)).toBe(true)
      expect(decoded.qr).toEqual(['https://stamps.co.id/r/INV-0001'])
      expect(decoded.cuts).toBe(1)
      expect(decoded.pulses).toBe(1)
      expect(hex(encodeReceipt(sample(columns)))).toContain('1b700032fa0a0a0a0a1d5600')
    })
  }

  it('starts with ESC @ and FS ., selects PC858 explicitly and ends with a cut', () => {
    const bytes = encodeReceipt({
      columns: 32,
      items: [
        { type: 'text', text: 'a' },
        { type: 'cut', partial: true }
      ]
    })
    expect(hex(bytes.subarray(0, 4))).toBe('1b401c2e')
    expect(decodeEscPos(bytes).codepage).toBe(19)
    expect(hex(bytes)).toMatch(/0a0a0a0a1d5601(0a)?$/)
  })

  it('emits native QR (GS ( k) with the payload and module size', () => {
    const bytes = encodeReceipt({ columns: 48, items: [{ type: 'qr', data: 'ABC', size: 4 }] })
    expect(hex(bytes)).toContain('1d286b0300314304') // fn 67: module size 4
    expect(hex(bytes)).toContain('1d286b06003150304142431d286b0300315130') // store ABC, print
  })

  it('never sends a byte outside printable ASCII inside text', () => {
    const decoded = decodeEscPos(encodeReceipt(sample(32)))
    for (const l of decoded.lines) expect(l.text).toMatch(/^[\x20-\x7e]*$/)
    expect(decoded.lines.slice(0, 3).map((l) => l.text)).toEqual([
      'Kopi Kenangan',
      'Cafe',
      'Jl. Sudirman No. 1 "Plaza" -'
    ])
  })

  it('decodes the upper half of PC858 as the library encodes it', () => {
    const text = 'éàüñ€ÆØ'
    const bytes = new ReceiptPrinterEncoder({ columns: 32, codepageMapping: 'epson', newline: '\n' })
      .initialize()
      .codepage('cp858')
      .line(text)
      .encode()
    expect(decodeEscPos(bytes).lines[0]?.text).toBe(text)
  })
})
