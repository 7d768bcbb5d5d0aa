import { describe, expect, it } from 'vitest'
import type { Activity } from '../../shared/stamps'
import { activityLine } from './activity-line'

// 2025-03-12 07:05 UTC: 12/03/2025 in Jakarta.
const created = Date.UTC(2025, 2, 12, 7, 5) / 1000
const sale: Activity = {
  id: 1,
  type: 0,
  created,
  transaction: { stamps: 6, name: 'T', status: 1, invoice_number: 'I', channel: 'POS' }
}

describe('activityLine', () => {
  it('names the activity in the slip language, with the date and the stamps earned', () => {
    expect(activityLine(sale, 'id')).toBe('12/03/2025 Belanja +6')
    expect(activityLine(sale, 'en')).toBe('12/03/2025 Purchase +6')
  })

  it('prints a balance change in rupiah and leaves out what it does not know', () => {
    const debit: Activity = {
      id: 2,
      type: 7,
      balance_update: { transaction_number: 'B', amount: -2500, status: 1, balance_type: 1 }
    }
    expect(activityLine(debit, 'id')).toBe('Saldo -Rp2.500')
    expect(activityLine({ id: 3, type: 16 }, 'en')).toBe('Stamps refund')
  })

  it('names types it has no words for by number, in both languages', () => {
    expect(activityLine({ id: 4, type: 12 }, 'id')).toBe('#12')
    expect(activityLine({ id: 5, type: 99, created }, 'en')).toBe('12/03/2025 #99')
  })
})
