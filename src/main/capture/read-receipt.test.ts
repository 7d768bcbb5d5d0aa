import { describe, expect, it } from 'vitest'
import {
  GENERIC_STRUK,
  KITCHEN_TICKET,
  RESTO_BILL,
  SHIFT_REPORT,
  SUKI_CLOSE_BILL,
  WPOS_STRUK
} from '../../../tests/fixtures/capture/pos-receipts'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { parseAmount, readReceipt } from '../../shared/capture/read-receipt'
import { READY_TEMPLATES } from '../../shared/capture/ready-templates'
import { receiptTemplateSchema } from '../../shared/capture/receipt-template'

const text = (bytes: Uint8Array): string[] => decodeEscPos(bytes).lines.map((l) => l.text)

describe('parseAmount', () => {
  it('reads rupiah as Indonesian and English receipts print them', () => {
    expect(parseAmount('50.000')).toBe(50000)
    expect(parseAmount('50,000')).toBe(50000)
    expect(parseAmount('1.250.000')).toBe(1250000)
    expect(parseAmount('50.000,00')).toBe(50000)
    expect(parseAmount('50,000.00')).toBe(50000)
    expect(parseAmount('50000')).toBe(50000)
    expect(parseAmount('5.00')).toBe(5)
    expect(parseAmount('50.0000')).toBeNull()
    expect(parseAmount('1,2,3')).toBeNull()
  })
})

describe('readReceipt with the generic template', () => {
  it('reads No. Struk, TOTAL Rp 50.000 and the date/time', () => {
    expect(readReceipt(text(GENERIC_STRUK()))).toEqual({
      kind: 'sale',
      template: 'generic',
      invoice: 'A-0017',
      total: 50000,
      dateTime: '2026-05-12T09:30:00',
      problems: []
    })
  })

  it.each([
    ['No. Invoice: INV/2026/05/001', 'Grand Total   Rp. 1.250.000', 'INV/2026/05/001', 1250000],
    ['No. Nota 8812', 'Total Bayar : Rp 75.000', '8812', 75000],
    ['Invoice #77-B', 'TOTAL 50,000', '77-B', 50000],
    ['NO. STRUK: x9', 'total: IDR 12.500,00', 'x9', 12500]
  ])('reads "%s" / "%s"', (invoiceLine, totalLine, invoice, total) => {
    const r = readReceipt(['SHOP', invoiceLine, 'Subtotal 1', 'Total Item 3', totalLine])
    expect(r).toMatchObject({ kind: 'sale', invoice, total })
  })

  it('prefers Grand Total over TOTAL, and refuses two different totals under one label', () => {
    expect(readReceipt(['No. Struk 1', 'TOTAL 50.000', 'Grand Total 45.000']).total).toBe(45000)
    expect(readReceipt(['No. Struk 1', 'TOTAL 50.000', 'TOTAL 60.000'])).toMatchObject({
      kind: 'unsure',
      problems: ['total-ambiguous']
    })
  })

  it('leaves a kitchen ticket and a shift report alone', () => {
    expect(readReceipt(text(KITCHEN_TICKET))).toMatchObject({ kind: 'other' })
    expect(readReceipt(text(SHIFT_REPORT))).toMatchObject({ kind: 'other', problems: ['no-invoice', 'not-a-sale'] })
  })

  it('lists the public layouts it cannot read with confidence for a person, never guessing', () => {
    expect(readReceipt(text(RESTO_BILL))).toMatchObject({ kind: 'unsure', invoice: null, total: 55000 })
    expect(readReceipt(text(WPOS_STRUK))).toMatchObject({ kind: 'unsure', invoice: null, total: 121000 })
    expect(readReceipt(text(SUKI_CLOSE_BILL))).toMatchObject({ kind: 'unsure', invoice: null, total: 297000 })
  })
})

describe('ready templates for public POS layouts', () => {
  it('are valid templates', () => {
    for (const t of READY_TEMPLATES) expect(receiptTemplateSchema.parse(t)).toEqual(t)
  })

  it.each([
    ['resto-bill', RESTO_BILL, 'PJ2605120007', 55000, '2026-05-12T19:42:00'],
    ['wpos', WPOS_STRUK, '10.19.0019', 121000, '2026-02-04T15:00:00'],
    ['mike42-close-bill', SUKI_CLOSE_BILL, 'R0012345', 297000, '2026-05-12T20:15:07']
  ])('%s reads its layout', (name, bytes, invoice, total, dateTime) => {
    expect(readReceipt(text(bytes), READY_TEMPLATES)).toEqual({
      kind: 'sale',
      template: name,
      invoice,
      total,
      dateTime,
      problems: []
    })
  })

  it('do not turn a non-sale into a sale', () => {
    expect(readReceipt(text(KITCHEN_TICKET), READY_TEMPLATES).kind).toBe('other')
    expect(readReceipt(text(SHIFT_REPORT), READY_TEMPLATES).kind).toBe('other')
  })
})
