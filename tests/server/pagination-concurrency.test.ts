/** Activity pages across 45+ activities (no gap, no overlap) and 50 concurrent debits over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activitiesResponseSchema } from '../../src/shared/stamps'
import { ACE_KEY, LEVIS_KEY, startHarness, tokenHeader, type Harness } from './sandbox-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

const USER = 'second@stamps.co.id'
async function pages(path: string, headers: Record<string, string>): Promise<number[][]> {
  const out: number[][] = []
  let cursor = ''
  for (;;) {
    const r = await h.get(`${path}${cursor}`, headers)
    expect(r.status).toBe(200)
    const ids = activitiesResponseSchema.parse(r.json).activities.map((a) => a.id)
    out.push(ids)
    if (ids.length < 20) return out
    cursor = `&older_than=${ids.at(-1)}`
  }
}

describe('activity pagination', () => {
  it('walks 47 activities in pages of 20, 20, 7 with no gap or overlap', async () => {
    // 46 sales + the registration = 47 activities for merchant 14
    for (let i = 0; i < 46; i++) {
      const r = await h.post(
        '/api/transactions/add',
        { user: USER, store: 32, invoice_number: `P-${i}`, total_value: 10_000 },
        tokenHeader()
      )
      expect(r.status).toBe(200)
    }
    const got = await pages(`/api/v3/activities/?user=${USER}`, tokenHeader())
    expect(got.map((p) => p.length)).toEqual([20, 20, 7])
    const flat = got.flat()
    expect(new Set(flat).size).toBe(47)
    expect([...flat].sort((a, b) => b - a)).toEqual(flat)
    const all = h.server.db
      .prepare(
        'SELECT id FROM activities WHERE user_id = (SELECT id FROM users WHERE email = ?) AND merchant_id = 14 ORDER BY id DESC'
      )
      .pluck()
      .all(USER)
    expect(flat).toEqual(all)
  })

  it('an exact multiple of 20 ends with an empty page; a cursor past the end is empty', async () => {
    // 13 more sales make 60 activities: pages of 20, 20, 20 and a final empty one
    for (let i = 0; i < 13; i++) {
      await h.post(
        '/api/transactions/add',
        { user: USER, store: 32, invoice_number: `Q-${i}`, total_value: 10_000 },
        tokenHeader()
      )
    }
    const got = await pages(`/api/v3/activities/?user=${USER}`, tokenHeader())
    expect(got.map((p) => p.length)).toEqual([20, 20, 20, 0])
    const end = await h.get(`/api/v3/activities/?user=${USER}&older_than=1`, tokenHeader())
    expect(end.json).toEqual({ activities: [] })
  })

  it('by-merchant-group interleaves merchants newest first and narrows by repeated merchant_id', async () => {
    for (let i = 0; i < 15; i++) {
      await h.post(
        '/api/transactions/add',
        { user: USER, store: 201, invoice_number: `L-${i}`, total_value: 10_000 },
        tokenHeader(LEVIS_KEY)
      )
      await h.post(
        '/api/transactions/add',
        { user: USER, store: 301, invoice_number: `A-${i}`, total_value: 10_000 },
        tokenHeader(ACE_KEY)
      )
    }
    const group = (await pages(`/api/v3/activities/by-merchant-group?user=${USER}`, tokenHeader())).flat()
    expect(group).toHaveLength(60 + 30)
    expect(new Set(group).size).toBe(90)
    const two = await pages(
      `/api/v3/activities/by-merchant-group?user=${USER}&merchant_id=2&merchant_id=5`,
      tokenHeader()
    )
    expect(two.map((p) => p.length)).toEqual([20, 10])
    const first = (await h.get(`/api/v3/activities/by-merchant-group?user=${USER}&merchant_id=5`, tokenHeader())).json
      .activities
    expect(first).toHaveLength(15)
    expect(first.every((a: { merchant: { id: number } }) => a.merchant.id === 5)).toBe(true)
    // the Levi's key lists only Levi's own activities on the merchant list
    expect((await pages(`/api/v3/activities/?user=${USER}`, tokenHeader(LEVIS_KEY))).flat()).toHaveLength(15)
  })
})

describe('concurrent debits', () => {
  it('50 simultaneous debits against a balance covering 10: exactly 10 succeed, balance 0', async () => {
    const base = { user: 'customer@stamps.co.id', merchant: 14, store: 3 }
    expect((await h.post('/api/balances/credit', { ...base, amount: 10_000 }, tokenHeader())).status).toBe(200)
    const results = await Promise.all(
      Array.from({ length: 50 }, () => h.post('/api/balances/debit', { ...base, amount: 1_000 }, tokenHeader()))
    )
    const ok = results.filter((r) => r.status === 200)
    expect(ok).toHaveLength(10)
    expect(results.filter((r) => r.status === 400).every((r) => r.json.errors.amount === 'Insufficient balance')).toBe(
      true
    )
    expect(ok.map((r) => r.json.customer.balance).sort((a, b) => a - b)).toEqual([
      0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000
    ])
    const m = await h.get('/api/v2/memberships/details?user=customer@stamps.co.id&merchant=14', tokenHeader())
    expect(m.json.membership.balance).toBe(0)
  })
})
