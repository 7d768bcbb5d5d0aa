import { describe, expect, it } from 'vitest'
import { checkDraft, emptyDraft, newInvoiceNumber, parseRupiah } from './sale-form'

describe('sale form', () => {
  it('reads rupiah with Indonesian grouping and refuses decimals and signs', () => {
    expect(parseRupiah('25.000')).toBe(25_000)
    expect(parseRupiah('Rp 1.250.000')).toBe(1_250_000)
    expect(parseRupiah('25000')).toBe(25_000)
    expect(parseRupiah('')).toBe('empty')
    for (const bad of ['12,5', '-1', '1e3', '1.2.3', 'sepuluh']) expect(parseRupiah(bad)).toBeNull()
  })

  it('fixes a unique-looking invoice number when the form opens', () => {
    // The store's date and time (Jakarta), not the till's zone: the instant is given with its offset.
    const at = new Date('2026-01-02T03:04:05+07:00')
    expect(newInvoiceNumber(at, () => 0.5)).toMatch(/^INV-20260102-030405-[0-9A-Z]{4}$/)
  })

  it('checks items and sums before anything is sent', () => {
    const d = {
      ...emptyDraft('INV-1'),
      items: [{ key: 1, name: 'Kopi', quantity: '2', price: '10.000' }],
      subtotal: '20000',
      tax: '2000',
      total: '22000'
    }
    expect(checkDraft(d, 'a@b.id')).toEqual({
      ok: true,
      input: {
        user: 'a@b.id',
        invoiceNumber: 'INV-1',
        items: [{ product_name: 'Kopi', quantity: 2, price: 10_000 }],
        subtotal: 20_000,
        discount: 0,
        serviceCharge: 0,
        tax: 2_000,
        totalValue: 22_000
      }
    })
    expect(checkDraft({ ...d, subtotal: '19000' }, 'a@b.id')).toMatchObject({
      ok: false,
      errors: { subtotal: 'subtotal-mismatch' }
    })
    expect(checkDraft({ ...d, total: '21000' }, 'a@b.id')).toMatchObject({
      ok: false,
      errors: { total: 'total-mismatch' }
    })
    expect(checkDraft({ ...d, discount: '30000' }, 'a@b.id')).toMatchObject({
      ok: false,
      errors: { discount: 'discount-too-large' }
    })
  })
})
