import { describe, expect, it } from 'vitest'
import type { Activity } from '../../../shared/stamps/activities'
import { translate } from '../../../shared/i18n'
import { describeActivity } from './activity'
import { formatActivityDate, formatSignedRupiah } from './format'

const tId = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>): string => translate('id', k, v)
const tEn = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>): string => translate('en', k, v)

// 2025-03-12 07:05 UTC = 14:05 in Jakarta (UTC+7, no daylight saving).
const created = Date.UTC(2025, 2, 12, 7, 5) / 1000

describe('describeActivity', () => {
  it('names known types in both languages and keeps unknown types readable', () => {
    const sale: Activity = {
      id: 1,
      type: 0,
      created,
      store: { name: 'S2', display_name: 'Kelapa Gading' },
      transaction: { stamps: 6, name: 'T', status: 1, invoice_number: 'INV', channel: 'POS' }
    }
    expect(describeActivity(sale, tId, 'id')).toMatchObject({
      title: 'Transaksi',
      place: 'Kelapa Gading',
      stamps: '+6 stamp',
      canceled: false
    })
    expect(describeActivity(sale, tEn, 'en').title).toBe('Transaction')
    expect(describeActivity({ id: 2, type: 7 }, tId, 'id').title).toBe('Perubahan saldo')
    expect(describeActivity({ id: 3, type: 99 }, tEn, 'en').title).toBe('Activity #99')
    expect(describeActivity({ id: 4, type: 8 }, tId, 'id').title).toBe('Aktivitas #8')
  })

  it('shows balance changes in rupiah with a sign and marks canceled rows', () => {
    const credit: Activity = {
      id: 5,
      type: 7,
      balance_update: { transaction_number: 'BU-1', amount: 10_000, status: 2, balance_type: 1 }
    }
    expect(describeActivity(credit, tId, 'id')).toMatchObject({ amount: '+Rp10.000', canceled: true })
    const debit: Activity = {
      id: 6,
      type: 7,
      balance_update: { transaction_number: 'BU-2', amount: -1_250_000, status: 1, balance_type: 1 }
    }
    expect(describeActivity(debit, tId, 'id').amount).toBe('-Rp1.250.000')
  })

  it('shows spent stamps as a minus whatever sign the wire uses', () => {
    expect(describeActivity({ id: 7, type: 1, stamps: 10 }, tId, 'id').stamps).toBe('−10 stamp')
    expect(describeActivity({ id: 8, type: 15, stamps: -3 }, tEn, 'en').stamps).toBe('−3 stamps')
    expect(describeActivity({ id: 9, type: 2, stamps: 1500 }, tId, 'id').stamps).toBe('+1.500 stamp')
  })
})

describe('formats', () => {
  it('prints dates in Jakarta time', () => {
    expect(formatActivityDate(created, 'en')).toMatch(/12 Mar 2025.*14:05 WIB/)
    expect(formatActivityDate(created, 'id')).toMatch(/12 Mar 2025.*14[.:]05 WIB/)
  })

  it('prints rupiah without decimals', () => {
    expect(formatSignedRupiah(10_000.4)).toBe('+Rp10.000')
    expect(formatSignedRupiah(0)).toBe('Rp0')
  })
})
