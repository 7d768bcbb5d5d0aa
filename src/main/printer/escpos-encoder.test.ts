import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { describe, expect, it } from 'vitest'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { layoutReceipt } from '../../shared/receipt/layout'
import type { ReceiptInput } from '../../shared/receipt/receipt-model'
import { encodeReceipt, encoderOptionsFor } from './escpos-encoder'
import { resolveProfile } from './printer-models'
import { qrModules, qrVersion } from './qr-fit'

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
    // Nothing after the cut: a line feed there would feed a blank line atop the next ticket.
    expect(hex(bytes)).toMatch(/0a0a0a0a1d5601$/)
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

  it('sizes a QR code to the paper: a 280-byte link at size 6 would be wider than 58 mm', () => {
    const data = `https://stamps.co.id/r/${'x'.repeat(257)}`
    // Version 12 at level M (ISO/IEC 18004 Table 7: 287 bytes) is 65 modules: 390 dots at size 6, over 384.
    expect([qrVersion(data.length, 'm'), qrModules(12)]).toEqual([12, 65])
    const on58 = decodeEscPos(encodeReceipt({ columns: 32, items: [{ type: 'qr', data, size: 6 }] }))
    expect(on58.items).toEqual([{ type: 'qr', data, align: 'center', size: 5 }])
    const on80 = decodeEscPos(encodeReceipt({ columns: 48, items: [{ type: 'qr', data, size: 6 }] }))
    expect(on80.items[0]).toMatchObject({ size: 6 })
  })

  it('follows the model: the link as text without QR, no cut without a cutter, no pulse without a drawer', () => {
    const receipt: ReceiptInput = {
      columns: 42,
      items: [{ type: 'qr', data: 'https://stamps.co.id/r/INV-0001' }, { type: 'drawer' }, { type: 'cut' }]
    }
    const noQr = decodeEscPos(
      encodeReceipt(receipt, encoderOptionsFor(resolveProfile({ model: 'epson-tm-t88iii', paperWidth: 80 })))
    )
    expect(noQr.qr).toEqual([])
    expect(noQr.lines[0]).toMatchObject({ text: 'https://stamps.co.id/r/INV-0001', align: 'center' })
    expect([noQr.cuts, noQr.pulses]).toEqual([1, 1])
    const handheld = encodeReceipt(
      { ...receipt, columns: 32 },
      encoderOptionsFor(resolveProfile({ model: 'epson-tm-p20ii', paperWidth: 58 }))
    )
    expect(decodeEscPos(handheld)).toMatchObject({ cuts: 0, pulses: 0, qr: ['https://stamps.co.id/r/INV-0001'] })
    expect(hex(handheld)).toMatch(/0a0a0a0a$/)
  })
})
