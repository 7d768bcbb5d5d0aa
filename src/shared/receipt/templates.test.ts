import { describe, expect, it } from 'vitest'
import { layoutReceipt } from './layout'
import { previewLines } from './render-preview'
import { maskCard, maskName, loyaltyReceipt, memberSlip } from './templates'
import { formatJakarta } from './jakarta-time'

const sale = {
  merchant_name: 'Kopi Nusantara',
  store_name: 'Grand Indonesia',
  invoice_number: 'INV-2025-0042',
  created: '2025-03-14T07:05:00Z',
  items: [
    { name: 'Es Kopi Susu', quantity: 2, unit_price: 25000 },
    { name: 'Croissant Cokelat Keju Spesial', quantity: 1, unit_price: 32500 }
  ],
  total_value: 82500,
  stamps_earned: 8,
  stamps_remaining: 23,
  level: 'Gold',
  balance: 15000
}

describe('loyaltyReceipt', () => {
  it('lays out the 58 mm receipt line by line', () => {
    const items = layoutReceipt(loyaltyReceipt(sale, { columns: 32 }))
    expect(previewLines(items, 32)).toEqual([
      '         Kopi Nusantara',
      '        Grand Indonesia',
      '--------------------------------',
      'Invoice            INV-2025-0042',
      'Date            14/03/2025 14:05',
      '--------------------------------',
      '2x Es Kopi Susu         Rp50.000',
      '1x Croissant Cokelat Keju',
      '   Spesial              Rp32.500',
      '--------------------------------',
      'TOTAL                   Rp82.500',
      '--------------------------------',
      'Stamps earned                 +8',
      'Stamps now                    23',
      'Level                       Gold',
      'Balance                 Rp15.000',
      '',
      '           Thank you!',
      '',
      '',
      '',
      '',
      '- - - - - - - - - - - - - ✂ cut'
    ])
    expect(items.find((i) => i.type === 'line' && i.text.startsWith('TOTAL'))).toMatchObject({ bold: true })
  })

  it('says stamps are pending while the sale is queued, and leaves out unknown numbers', () => {
    const lines = previewLines(
      layoutReceipt(
        loyaltyReceipt(
          { ...sale, pending: true, stamps_earned: null, stamps_remaining: null, items: [] },
          { columns: 48 }
        )
      ),
      48
    )
    expect(lines.join('\n')).not.toContain('Stamps earned')
    expect(lines).toContain('Stamps pending: they will be added when the sale')
    expect(lines).toContain('                 reaches Stamps')
    expect(lines).toContain('TOTAL                                   Rp82.500')
  })

  it('prints the Indonesian labels when the receipt language is id', () => {
    const lines = previewLines(layoutReceipt(loyaltyReceipt(sale, { columns: 32, language: 'id' })), 32)
    expect(lines.slice(3, 5)).toEqual(['No. Invoice        INV-2025-0042', 'Tanggal         14/03/2025 14:05'])
    expect(lines).toContain('Stamps didapat                +8')
    expect(lines).toContain('Stamps sekarang               23')
    expect(lines).toContain('Saldo                   Rp15.000')
    expect(lines).toContain('         Terima kasih!')
  })

  it('refuses a sale without an invoice number', () => {
    expect(() => loyaltyReceipt({ ...sale, invoice_number: '' })).toThrow()
  })
})

describe('memberSlip', () => {
  it('masks the name and card and keeps the latest activities', () => {
    const slip = memberSlip(
      {
        merchant_name: 'Kopi Nusantara',
        name: 'Budi Santoso',
        card_number: '6032 9876 5432 1234',
        level: 'Silver',
        stamps: 12,
        balance: -5000,
        activities: ['14/03 +8 stamps INV-42', '13/03 redeemed Free Coffee', 'a', 'b', 'c', 'd'],
        printed_at: new Date('2025-03-14T16:59:00Z')
      },
      { columns: 32, maxActivities: 2 }
    )
    const lines = previewLines(layoutReceipt(slip), 32)
    expect(lines.slice(0, 10)).toEqual([
      '         Kopi Nusantara',
      '          MEMBER SLIP',
      '--------------------------------',
      'Member              Budi S******',
      'Card            ************1234',
      'Level                     Silver',
      'Stamps                        12',
      'Balance' + ' '.repeat(17) + '-Rp5.000',
      '--------------------------------',
      'Latest activity'
    ])
    expect(lines.slice(10, 14)).toEqual([
      '- 14/03 +8 stamps INV-42',
      '- 13/03 redeemed Free Coffee',
      '-'.repeat(32),
      'Printed         14/03/2025 23:59'
    ])
  })
})

describe('masks and dates', () => {
  it('masks', () => {
    expect(maskName('Siti')).toBe('Sit*')
    expect(maskName(' ')).toBe('')
    expect(maskCard('1234')).toBe('1234')
    expect(maskCard('12345')).toBe('*2345')
  })

  it('formats Jakarta time across the UTC date line', () => {
    expect(formatJakarta('2024-12-31T17:00:00Z')).toBe('01/01/2025 00:00')
    expect(() => formatJakarta('nope')).toThrow(RangeError)
  })
})
