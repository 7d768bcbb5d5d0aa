import { describe, expect, it } from 'vitest'
import { balanceSlip } from './balance-slip'
import { layoutReceipt } from './layout'
import { previewLines } from './render-preview'

const slip = {
  merchant_name: 'Kopi',
  amount: 10_000,
  reference: 'BU-1',
  printed_at: new Date('2025-03-14T16:59:00Z')
}
const lines = (r: ReturnType<typeof balanceSlip>): string[] => previewLines(layoutReceipt(r), 32).slice(0, 7)

describe('balanceSlip', () => {
  it('prints a top-up in Indonesian, the language it takes when none is given', () => {
    expect(lines(balanceSlip({ ...slip, kind: 'credit', balance: 5000 }))).toEqual([
      '              Kopi',
      '           ISI SALDO',
      '--------------------------------',
      'Jumlah                 +Rp10.000',
      'Saldo baru               Rp5.000',
      'Ref                         BU-1',
      'Tanggal         14/03/2025 23:59'
    ])
  })

  it('says to ask at the counter when Stamps did not give the new balance', () => {
    expect(lines(balanceSlip({ ...slip, kind: 'cancel', balance: null }, { language: 'en' }))).toEqual([
      '              Kopi',
      '    BALANCE UPDATE CANCELED',
      '--------------------------------',
      'Amount                  Rp10.000',
      'New balance   ask at the counter',
      'Ref                         BU-1',
      'Date            14/03/2025 23:59'
    ])
    expect(lines(balanceSlip({ ...slip, kind: 'debit', balance: 0 }, { language: 'id' }))[1]).toBe(
      '        PEMBAYARAN SALDO'
    )
  })
})
