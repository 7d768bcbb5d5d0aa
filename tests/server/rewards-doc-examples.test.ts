/**
 * The documented examples of the rewards, redemption, voucher, v2 transaction and sign-up
 * endpoints (shared/spec/rewards-vouchers.md, digesting ui/stamps-api-docs at 7eaa7881), replayed
 * over real HTTP against a seeded sandbox. Where an example names an id the demo seed does not
 * have (reward code ABCDE1, template 12, voucher VC-ABC), the test first configures exactly that
 * through the ledger's own configuration functions; where it names a member by primary key
 * (authorize's `"user": 123`), the demo customer's key stands in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addWithRedemptionsResponseSchema,
  authorizeRedemptionResponseSchema,
  cancelRedemptionResponseSchema,
  groupRewardsResponseSchema,
  groupVouchersResponseSchema,
  partialRegistrationResponseSchema,
  redeemByVoucherCodeResponseSchema,
  redeemMultipleRewardsResponseSchema,
  redeemRewardResponseSchema,
  redeemVoucherResponseSchema,
  registerMemberResponseSchema,
  rewardDetailSchema,
  rewardsResponseSchema,
  v2AddTransactionResponseSchema,
  validateVoucherResponseSchema,
  voucherDetailsResponseSchema
} from '../../src/shared/stamps'
import { configureReward, configureVoucherTemplate, issueVoucher } from '../../src/server/ledger/catalogue'
import { findMember } from '../../src/server/ledger/members'
import { setMemberPin } from '../../src/server/ledger/pin-authorization'
import { CURL_KEY, KEY, startHarness, tokenHeader, type Harness } from './sandbox-harness'

const USER = 'customer@stamps.co.id'
const auth = tokenHeader()
let h: Harness

/** Gives the demo customer stamps through a real sale (1 stamp per Rp 10,000). */
async function earn(stamps: number, invoice: string): Promise<void> {
  const r = await h.post(
    '/api/transactions/add',
    { user: USER, store: 32, invoice_number: invoice, total_value: stamps * 10_000 },
    auth
  )
  expect(r.status).toBe(200)
}

beforeAll(async () => {
  h = await startHarness()
  const db = h.server.db
  configureReward(db, { merchantId: 14, code: 'ABCDE1', name: 'Example Reward', stamps: 100, level: 'Blue' })
  configureReward(db, { merchantId: 14, code: '1', name: 'Kaya Bun', stamps: 2 })
  configureReward(db, { merchantId: 14, code: 'REWARDCODE', name: 'Reward by code', stamps: 3, type: 5 })
  const template = configureVoucherTemplate(db, { id: 12, merchantId: 14, name: 'Rp. 100,000 Discount', value: 100000 })
  const member = findMember(db, 14, USER)!
  for (const code of ['ABCD100k', 'VC-ABC', 'VOUCHERCODE'])
    issueVoucher(db, { templateId: template, membershipId: member.membership_id, code, nowMs: Date.now() })
  setMemberPin(db, member.user_id, '123456')
  // Rp 3,000,000 of sales: 300 stamps, and Silver from Rp 1,000,000
  await earn(300, 'DOC-EARN-1')
})
afterAll(() => h.stop())

describe('rewards catalogue (reward_api.rst)', () => {
  it('GET /api/rewards/ with user, merchant, store and channel: rewards, vouchers and customer', async () => {
    const r = await h.get(`/api/rewards/?merchant=14&store=32&user=${USER}&channel=3`, auth)
    expect(r.status).toBe(200)
    const body = rewardsResponseSchema.parse(r.json)
    expect(body.customer).toEqual({ id: expect.any(Number), stamps: 300, membership_status: 'Silver' })
    const kopi = body.rewards.find((x) => x.code === 'KOPI')!
    expect(kopi).toMatchObject({ stamps_to_redeem: 10, membership: 'Blue', name: 'Free Kopi Susu', redeemable: true })
    expect(body.rewards.find((x) => x.code === 'GOLD')!.redeemable).toBe(false)
    expect(body.vouchers!.map((v) => v.code)).toContain('DEMO-WELCOME-1')
    expect(body.vouchers![0]!.expires_on).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/)
  })

  it('only_redeemable_in_this_store=true drops CAKE outside stores 2 and 3; without user no redeemable flag', async () => {
    const r = await h.get('/api/rewards/?merchant=14&store=32&only_redeemable_in_this_store=true', auth)
    const codes = rewardsResponseSchema.parse(r.json).rewards.map((x) => x.code)
    expect(codes).not.toContain('CAKE')
    expect(codes).toContain('KOPI')
    expect(r.json.rewards[0]).not.toHaveProperty('redeemable')
    const at2 = await h.get('/api/rewards/?merchant=14&store=2&only_redeemable_in_this_store=true', auth)
    expect(at2.json.rewards.map((x: { code: string }) => x.code)).toContain('CAKE')
  })

  it('paginates with per_page and last_reward_id', async () => {
    const first = await h.get('/api/rewards/?merchant=14&store=32&per_page=2', auth)
    expect(first.json.rewards).toHaveLength(2)
    const next = await h.get(
      `/api/rewards/?merchant=14&store=32&per_page=2&last_reward_id=${first.json.rewards[1].id}`,
      auth
    )
    expect(next.json.rewards[0].id).toBeGreaterThan(first.json.rewards[1].id)
  })

  it('a missing store is the documented list-form 400', async () => {
    const r = await h.get('/api/rewards/?merchant=14', auth)
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      detail: 'Your transaction cannot be completed due to the following error(s)',
      errors: [{ store: 'This field is required.' }]
    })
  })

  it('GET /api/rewards/ABCDE1: the bare reward object of the example', async () => {
    const r = await h.get('/api/rewards/ABCDE1', auth)
    expect(r.status).toBe(200)
    expect(rewardDetailSchema.parse(r.json)).toMatchObject({
      name: 'Example Reward',
      stamps_to_redeem: 100,
      get_absolute_url: '/merchant/rewards/abcde1',
      is_cross_promo: false,
      redemption_url: '',
      membership: 'Blue',
      is_active: true,
      code: 'ABCDE1',
      extra_data: {},
      available_at: ['Kelapa Gading', 'Senayan City', 'Grand Indonesia', 'Pondok Indah']
    })
    expect((await h.get('/api/rewards/NOPE', auth)).status).toBe(404)
  })

  it('GET /api/rewards/by-merchant-group with user', async () => {
    const r = await h.get(`/api/rewards/by-merchant-group?user=${USER}&type=1`, auth)
    expect(r.status).toBe(200)
    expect(groupRewardsResponseSchema.parse(r.json).rewards.map((x) => x.code)).toContain('TUMBLER')
  })
})

describe('redemptions (redemption_api.rst)', () => {
  it('redeem-reward: the example body; extra_data echoed, stamps after in membership', async () => {
    const body = {
      user: USER,
      store: 32,
      reward: 1,
      invoice_number: 'POS-1020123',
      stamps: 20,
      qty: 1,
      extra_data: { discount: '10%' }
    }
    const r = await h.post('/api/v2/redemptions/redeem-reward', body, auth)
    expect(r.status).toBe(200)
    const a = redeemRewardResponseSchema.parse(r.json)
    expect(a.redemption).toEqual({
      id: expect.any(Number),
      reward: 'Free Kopi Susu',
      stamps_used: 10,
      extra_data: { discount: '10%' }
    })
    expect(a.reward).toMatchObject({ id: 1, code: 'KOPI', type: 'reward', stamps_to_redeem: 10 })
    expect(a.membership.stamps).toBe(290)
    expect(r.headers.get('allow')).toBe('POST, OPTIONS')
  })

  it('redeem-multiple-rewards: the example body (code given as the integer 1), all in one answer', async () => {
    const body = {
      user: USER,
      store: 32,
      rewards: [
        { code: 1, qty: 1, stamps: 1 },
        { code: 1, qty: 1 },
        { code: 1, qty: 1 }
      ],
      invoice_number: 'POS-1020123'
    }
    const r = await h.post('/api/v2/redemptions/redeem-multiple-rewards', body, auth)
    expect(r.status).toBe(200)
    const a = redeemMultipleRewardsResponseSchema.parse(r.json)
    expect(a.redemption).toMatchObject({ reward: 'Kaya Bun', stamps_used: 2 })
    expect(a.redemptions).toHaveLength(3)
    expect(a.membership).toMatchObject({ level_text: 'Silver', status: 'Active', stamps: 284 })
  })

  it('cancel: {"id": ...} answers the canceled redemption and the customer after it', async () => {
    const made = await h.post('/api/v2/redemptions/redeem-reward', { user: USER, store: 32, reward: 1 }, auth)
    const r = await h.post('/api/redemptions/cancel', { id: made.json.redemption.id }, auth)
    expect(r.status).toBe(200)
    expect(cancelRedemptionResponseSchema.parse(r.json)).toEqual({
      redemption: { id: made.json.redemption.id, status: 'Canceled' },
      customer: { status: 'Silver', id: expect.any(Number), stamps_remaining: 284 }
    })
    const missing = await h.post('/api/redemptions/cancel', { id: 999999 }, auth)
    expect(missing.status).toBe(404)
    expect(missing.json).toEqual({ detail: 'Cannot find redemption of the requested redemption id' })
  })

  it('authorize: the example body answers {"status": "ok"}; a wrong PIN the documented invalid_pin body', async () => {
    const id = findMember(h.server.db, 14, USER)!.user_id
    const ok = await h.post(
      '/api/redemptions/authorize',
      { user: id, pin: '123456', request_id: 'abcdefgh', timeout: 900 },
      auth
    )
    expect(ok.status).toBe(200)
    expect(authorizeRedemptionResponseSchema.parse(ok.json)).toEqual({ status: 'ok' })
    const bad = await h.post(
      '/api/redemptions/authorize',
      { user: id, pin: '000000', request_id: 'x', timeout: 900 },
      auth
    )
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({
      detail: 'pin: Invalid PIN, 2 attempt(s) left',
      errors: { pin: 'Invalid PIN, 2 attempt(s) left' },
      error_code: 'invalid_pin',
      error_message: 'pin: Invalid PIN, 2 attempt(s) left'
    })
  })
})

describe('vouchers (voucher_api.rst)', () => {
  it('GET /api/vouchers/by-merchant-group?user=', async () => {
    const r = await h.get(`/api/vouchers/by-merchant-group?user=${USER}`, auth)
    expect(r.status).toBe(200)
    const codes = groupVouchersResponseSchema.parse(r.json).vouchers.map((v) => v.code)
    expect(codes).toEqual(expect.arrayContaining(['DEMO-WELCOME-1', 'VC-ABC']))
  })

  it('GET /api/vouchers/details?user=&code=: the bare voucher with its template', async () => {
    const r = await h.get(`/api/vouchers/details?user=${USER}&code=DEMO-WELCOME-1`, auth)
    expect(r.status).toBe(200)
    expect(voucherDetailsResponseSchema.parse(r.json)).toMatchObject({
      code: 'DEMO-WELCOME-1',
      is_active: true,
      quantity: 1,
      template: { name: 'Welcome Voucher', merchant_id: 14, instructions: 'Show the voucher code to the cashier' }
    })
  })

  it('GET /api/vouchers/validate?merchant=&voucher_code=VC-ABC&store=: redeemable, with the owner', async () => {
    const r = await h.get('/api/vouchers/validate?merchant=14&voucher_code=VC-ABC&store=32', auth)
    expect(r.status).toBe(200)
    expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(validateVoucherResponseSchema.parse(r.json)).toMatchObject({
      is_redeemable: true,
      user: { email: USER, name: 'Demo Customer', phone: '+6281234567890' },
      voucher: { name: 'Rp. 100,000 Discount', value: 100000, validity: 'Static' }
    })
  })

  it('validate naming another member: the documented invalid_voucher_owner envelope', async () => {
    const r = await h.get(
      '/api/vouchers/validate?merchant=14&voucher_code=VC-ABC&store=32&user=second@stamps.co.id',
      auth
    )
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      detail: 'user: This voucher is not owned by Second Customer',
      error_message: 'user: This voucher is not owned by Second Customer',
      error_code: 'invalid_voucher_owner',
      errors: { user: 'This voucher is not owned by Second Customer' }
    })
  })

  it('redeem-voucher: the example body verbatim (voucher 1 is DEMO-WELCOME-1)', async () => {
    const body = { user: USER, store: 32, voucher: 1, invoice_number: 'POS-1020123' }
    const r = await h.post('/api/v2/redemptions/redeem-voucher', body, auth)
    expect(r.status).toBe(200)
    const a = redeemVoucherResponseSchema.parse(r.json)
    expect(a.redemption).toMatchObject({ reward: 'Welcome Voucher', stamps_used: 0 })
    expect(a.voucher).toEqual({ id: 1, name: 'Welcome Voucher', code: 'DEMO-WELCOME-1', type: 'voucher' })
  })

  it('by-voucher-code: the example body verbatim, old customer shape', async () => {
    const body = { identifier: USER, voucher_code: 'ABCD100k', voucher_template: 12, store: 32 }
    const r = await h.post('/api/redemptions/by-voucher-code', body, auth)
    expect(r.status).toBe(200)
    expect(redeemByVoucherCodeResponseSchema.parse(r.json)).toEqual({
      redemption: { id: expect.any(Number), status: 'Created' },
      customer: { id: expect.any(Number), status: 'Silver', stamps_remaining: 284 }
    })
  })
})

describe('v2 transactions (transaction_api.rst)', () => {
  const sale = {
    store: 32,
    total_value: 50000,
    number_of_people: 8,
    created: '2013-02-15T13:01:01+07',
    sub_total: 55000,
    discount: 5000,
    service_charge: 0,
    tax: 0,
    channel: 2,
    type: 2,
    items: [{ product_name: 'Cappucino', quantity: 2, subtotal: 20000 }],
    payments: [{ value: 50000, payment_method: 'cash' }]
  }

  it('add with a member: customer and transaction as documented', async () => {
    const r = await h.post('/api/v2/transactions/add', { ...sale, user: USER, invoice_number: 'V2-1' }, auth)
    expect(r.status).toBe(200)
    expect(v2AddTransactionResponseSchema.parse(r.json)).toEqual({
      customer: {
        status: 'Silver',
        balance: 0,
        mobile_phone: '+6281234567890',
        id: expect.any(Number),
        stamps_remaining: 289
      },
      transaction: { stamps_earned: 5, id: expect.any(Number), value: 50000, number_of_people: 8, discount: 5000 }
    })
  })

  it('add with an empty user: an open sale that credits nobody', async () => {
    const r = await h.post('/api/v2/transactions/add', { ...sale, user: '', invoice_number: 'V2-OPEN' }, auth)
    expect(r.status).toBe(200)
    expect(r.json.customer).toBeNull()
    expect(r.json.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
  })

  it('add-with-redemptions: the example fragment (rewards by id and code, a voucher by code, an issued voucher)', async () => {
    const body = {
      ...sale,
      user: USER,
      invoice_number: 'V2-AWR',
      reward_redemptions: [
        { request_id: 'request-id-1', reward: 1 },
        { request_id: 'request-id-1', reward: 'REWARDCODE', stamps: 10 },
        { request_id: 'request-id-1', reward: 1, stamps: 10 },
        { request_id: 'request-id-1', reward: 'REWARDCODE', stamps: 10 }
      ],
      voucher_redemptions: [{ request_id: 'request-id-1', voucher_code: 'VOUCHERCODE' }],
      issue_voucher: { template_id: 12, value: 100000 }
    }
    const r = await h.post('/api/v2/transactions/add-with-redemptions', body, auth)
    expect(r.status).toBe(200)
    const a = addWithRedemptionsResponseSchema.parse(r.json)
    // 289 + 5 earned - 10 - 10 - 10 - 10
    expect(a.membership).toMatchObject({ status_text: 'Silver', stamps: 254 })
    expect(a.transaction).toMatchObject({ stamps_earned: 5, number_of_people: 8, discount: 5000 })
    expect(a.issued_voucher).toMatchObject({ value: 100000, template: { id: 12 } })
    expect(a.redemptions!.map((x) => x.stamps_used)).toEqual([10, 10, 10, 10, 0])
  })
})

describe('sign-up (customer_api.rst)', () => {
  it('partial-registration with an email: membership and user of the example', async () => {
    const r = await h.post('/api/v3/memberships/partial-registration', { user: 'partial1@mail.com' }, auth)
    expect(r.status).toBe(200)
    expect(partialRegistrationResponseSchema.parse(r.json)).toMatchObject({
      membership: { level_text: 'Blue', status: 'Active', stamps: 0, balance: 0, is_blocked: false },
      user: { name: '', email: 'partial1@mail.com', phone: null, birthday: null }
    })
  })

  it('register: name, email and mobile number (plus the cURL line’s merchant) give the user and membership', async () => {
    const body = {
      name: 'Alice',
      email: 'alice@example.com',
      mobile_number: '+6281300001111',
      birthday: '1990-01-31',
      gender: 'female',
      store: 32,
      merchant: 14
    }
    const r = await h.post('/api/v2/memberships/register', body, auth)
    expect(r.status).toBe(200)
    expect(registerMemberResponseSchema.parse(r.json)).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'Alice',
      gender: 'female',
      birthday: '1990-01-31',
      email: 'alice@example.com',
      phone: '+6281300001111',
      registration_status: 'Full',
      membership: { level_text: 'Blue', member_status: 'Active', stamps: 0 }
    })
  })
})

describe('conventions of every new endpoint (section 0)', () => {
  const NEW_PATHS: Array<[method: 'GET' | 'POST', path: string]> = [
    ['GET', '/api/rewards/'],
    ['GET', '/api/rewards/KOPI'],
    ['GET', '/api/rewards/by-merchant-group'],
    ['POST', '/api/v2/redemptions/redeem-reward'],
    ['POST', '/api/v2/redemptions/redeem-multiple-rewards'],
    ['POST', '/api/redemptions/cancel'],
    ['POST', '/api/redemptions/authorize'],
    ['GET', '/api/vouchers/by-merchant-group'],
    ['GET', '/api/vouchers/details'],
    ['GET', '/api/vouchers/validate'],
    ['POST', '/api/v2/redemptions/redeem-voucher'],
    ['POST', '/api/redemptions/by-voucher-code'],
    ['POST', '/api/v2/transactions/add'],
    ['POST', '/api/v2/transactions/add-with-redemptions'],
    ['POST', '/api/v3/memberships/partial-registration'],
    ['POST', '/api/v2/memberships/register']
  ]

  it('no credentials: the documented 403; wrong method: 405 with Allow', async () => {
    for (const [method, path] of NEW_PATHS) {
      const none = method === 'GET' ? await h.get(path) : await h.post(path, {})
      expect(none.status, path).toBe(403)
      expect(none.json, path).toEqual({ detail: 'Authentication credentials were not provided.' })
      const wrong = method === 'GET' ? await h.post(path, {}, auth) : await h.get(path, auth)
      expect(wrong.status, path).toBe(405)
      expect(wrong.headers.get('allow'), path).toBe(method === 'GET' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS')
    }
  })

  it('the older credential forms still work: `token` in the body and in the query', async () => {
    const q = await h.get(`/api/rewards/?merchant=14&store=3&token=${KEY}`)
    expect(q.status).toBe(200)
    const b = await h.post('/api/v2/redemptions/redeem-reward', { token: CURL_KEY, user: USER, reward: 1, store: 3 })
    expect(b.status, b.text).toBe(200)
  })
})
