import { describe, expect, it } from 'vitest'
import {
  addTransactionRequestSchema,
  addTransactionResponseSchema,
  balanceUpdateRequestSchema,
  cancelTransactionByInvoiceRequestSchema,
  cancelTransactionByInvoiceResponseSchema,
  groupActivitiesQuerySchema,
  parseIsoDateTime
} from './index'

describe('wire schemas', () => {
  it('accepts the documented JSON sale and reads numbers from XML text', () => {
    const sale = addTransactionRequestSchema.parse({
      token: 'aaaabbbbccccddddeeeefffff',
      user_email: 'customer@stamps.co.id',
      store: '32',
      invoice_number: 'abc123456',
      total_value: '50000',
      service_change: 5000,
      items: [{ product_name: 'Cappucino', quantity: '2', price: 10000 }]
    })
    expect(sale.store).toBe(32)
    expect(sale.total_value).toBe(50000)
    expect(sale.items?.[0]?.quantity).toBe(2)
  })

  it('refuses a negative total and a fractional quantity', () => {
    const r = addTransactionRequestSchema.safeParse({
      user: 'a@b.c',
      store: 2,
      invoice_number: 'x',
      total_value: -1,
      items: [{ product_name: 'A', quantity: 1.5, price: 1 }]
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['items.0.quantity', 'total_value'])
  })

  it('parses the documented success answer with float stamps', () => {
    const ok = addTransactionResponseSchema.parse({
      customer: { status: 'Blue', id: 16, stamps_remaining: 5 },
      transaction: { stamps_earned: 5.0, id: 1, value: 50000 }
    })
    expect(ok.transaction.stamps_earned).toBe(5)
  })

  it('defaults balance type to stamps and refuses others', () => {
    const base = { user: 'customer@stamps.co.id', amount: 1000, merchant: 14, store: 3 }
    expect(balanceUpdateRequestSchema.parse(base).type).toBe('stamps')
    expect(balanceUpdateRequestSchema.safeParse({ ...base, type: 'points' }).success).toBe(false)
    expect(balanceUpdateRequestSchema.safeParse({ ...base, amount: 0 }).success).toBe(false)
  })

  it('takes one or many merchant_id values', () => {
    expect(groupActivitiesQuerySchema.parse({ user: 'u', merchant_id: '2' }).merchant_id).toEqual([2])
    expect(groupActivitiesQuerySchema.parse({ user: 'u', merchant_id: ['2', '5'] }).merchant_id).toEqual([2, 5])
  })

  it('reads hour-only offsets and rejects impossible dates', () => {
    expect(parseIsoDateTime('2013-02-15T13:01:01+07')).toBe(Date.UTC(2013, 1, 15, 6, 1, 1))
    expect(parseIsoDateTime('2013-02-15T13:01:01Z')).toBe(Date.UTC(2013, 1, 15, 13, 1, 1))
    expect(parseIsoDateTime('2013-02-15T13:01:01+05:30')).toBe(Date.UTC(2013, 1, 15, 7, 31, 1))
    expect(parseIsoDateTime('2013-02-30T00:00:00')).toBeNaN()
  })

  it('v2 cancel: the documented body and answer, and only days that exist', () => {
    expect(cancelTransactionByInvoiceRequestSchema.parse({ invoice_number: 'ABCD123', date: '2021-02-01' })).toEqual({
      invoice_number: 'ABCD123',
      date: '2021-02-01'
    })
    for (const date of ['2021-02-29', '2021-13-01', '2021-2-1', '1 Feb 2021'])
      expect(cancelTransactionByInvoiceRequestSchema.safeParse({ invoice_number: 'A', date }).success, date).toBe(false)
    expect(cancelTransactionByInvoiceRequestSchema.safeParse({ invoice_number: 'A', date: '2024-02-29' }).success).toBe(
      true
    )
    // rewards-vouchers.md 4.3, stray brace removed; `status` is a level number there
    const answer = cancelTransactionByInvoiceResponseSchema.parse({
      transaction: { stamps_earned: 3, id: 1, value: 30000, status: 'Canceled' },
      membership: {
        tags: [],
        status: 10,
        status_text: 'Blue',
        stamps: 10,
        balance: 20,
        is_blocked: false,
        referral_code: 'asd',
        start_date: '2020-01-01',
        created: '2020-01-01'
      }
    })
    expect([answer.transaction.id, answer.membership.stamps, answer.membership.status_text]).toEqual([1, 10, 'Blue'])
    // the level fields the documents disagree on are not required; the stamps are
    const lean = { transaction: answer.transaction, membership: { stamps: 4, status: 'Active', level_text: 'Blue' } }
    expect(cancelTransactionByInvoiceResponseSchema.safeParse(lean).success).toBe(true)
    expect(cancelTransactionByInvoiceResponseSchema.safeParse({ ...lean, membership: {} }).success).toBe(false)
  })
})
