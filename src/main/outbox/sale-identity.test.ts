import { describe, expect, it } from 'vitest'
import { sameSale } from './sale-identity'
import { prepareSale } from './sale-key'

const NOW = Date.parse('2024-03-01T03:00:00Z')
const base = {
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: 'ID-1',
  total_value: 50_000,
  subtotal: 40_000,
  service_charge: 5_000,
  tax: 5_000,
  items: [
    { product_name: 'Cappucino', quantity: 2, price: 10_000 },
    { product_name: 'Iced Tea', quantity: 4, price: 5_000 }
  ]
}
/** Both sides as the outbox compares them: parsed, token dropped, `created` pinned. */
const same = (a: Record<string, unknown>, b: Record<string, unknown>, bAt = NOW): boolean =>
  sameSale(prepareSale(a, NOW).sale, prepareSale(b, bAt).sale)

describe('sameSale: a retry of the same sale, or another sale under its key', () => {
  it('is the same sale whatever form a retry takes', () => {
    expect(same(base, base, NOW + 60_000)).toBe(true)
    expect(same(base, { ...base, token: 'the-key', created: '2024-03-01T11:00:00+07' })).toBe(true)
    expect(same(base, { ...base, user: undefined, user_email: 'Customer@Stamps.co.id' })).toBe(true)
    expect(same(base, { ...base, total_value: '50000.0', tax: '5000' })).toBe(true)
    expect(same(base, { ...base, discount: 0 })).toBe(true)
    expect(same(base, { ...base, service_charge: undefined, service_change: 5_000 })).toBe(true)
    expect(same(base, { ...base, items: [...base.items].reverse() })).toBe(true)
    expect(same({ ...base, items: undefined }, { ...base, items: [] })).toBe(true)
  })

  it('is another sale when the member, any figure or any item differs', () => {
    expect(same(base, { ...base, user: 'second@stamps.co.id' })).toBe(false)
    expect(same(base, { ...base, total_value: 50_001 })).toBe(false)
    expect(same(base, { ...base, subtotal: undefined })).toBe(false)
    expect(same(base, { ...base, discount: 1_000 })).toBe(false)
    expect(same(base, { ...base, tax: 0 })).toBe(false)
    expect(same(base, { ...base, items: base.items.slice(1) })).toBe(false)
    expect(same(base, { ...base, items: [{ ...base.items[0]!, quantity: 3 }, base.items[1]!] })).toBe(false)
    expect(same(base, { ...base, items: [{ ...base.items[0]!, product_name: 'Latte' }, base.items[1]!] })).toBe(false)
  })
})
