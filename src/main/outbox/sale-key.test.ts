/** Sale keys: pinned created, store-zone dates, refused input. */
import { describe, expect, it } from 'vitest'
import { prepareSale } from './sale-key'

describe('prepareSale', () => {
  const base = { user: 'a@b.c', store: '32', invoice_number: 'INV-1', total_value: '50000' }

  it('pins created to enqueue time, so the invoice day never shifts at midnight', () => {
    const at = Date.UTC(2024, 0, 31, 16, 59, 30) // 23:59:30 in Jakarta
    const p = prepareSale(base, at)
    expect(p.sale.created).toBe('2024-01-31T16:59:30.000Z')
    expect(p).toMatchObject({ store: 32, invoice_number: 'INV-1', local_date: '2024-01-31' })
    expect(p.sale.total_value).toBe(50000)
  })

  it('keys on the store time zone date of created, hour-only offsets included', () => {
    expect(prepareSale({ ...base, created: '2024-03-01T00:30:00+07' }, 0).local_date).toBe('2024-03-01')
    expect(prepareSale({ ...base, created: '2024-02-29T17:30:00Z' }, 0).local_date).toBe('2024-03-01')
    expect(prepareSale({ ...base, created: '2024-02-29T16:30:00Z' }, 0, 'Asia/Makassar').local_date).toBe('2024-03-01')
  })

  it('drops the credential and refuses what the upstream would refuse', () => {
    expect(prepareSale({ ...base, token: 'k' }, 0).sale).not.toHaveProperty('token')
    expect(() => prepareSale({ ...base, invoice_number: '' }, 0)).toThrow(/validation/)
    expect(() => prepareSale({ ...base, created: '2024-02-30T10:00:00+07' }, 0)).toThrow(/validation/)
  })
})
