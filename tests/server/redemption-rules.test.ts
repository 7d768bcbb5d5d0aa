/**
 * The money rules of redemptions against a real sandbox over loopback HTTP: stamps never go
 * negative under concurrent redemptions, a cancel reverses exactly once even when sent twice at
 * once, level/store/voucher/registration refusals are 400s in the coded envelope, a refused
 * add-with-redemptions leaves nothing behind, PIN-protected merchants need an authorization,
 * and the demo seed is idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configureVoucherTemplate, issueVoucher, setRedemptionPinRequired } from '../../src/server/ledger/catalogue'
import { findMember } from '../../src/server/ledger/members'
import { setMemberPin } from '../../src/server/ledger/pin-authorization'
import { seedDemo } from '../../src/server/seed/demo-seed'
import { startHarness, tokenHeader, type Harness } from './sandbox-harness'

const SECOND = 'second@stamps.co.id'
const auth = tokenHeader()
let h: Harness

const stampsOf = (user: string): number => findMember(h.server.db, 14, user)!.stamps
const count = (table: string): number => h.server.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

/** Sets the second member's stamps through real sales of Rp 10,000 per stamp. */
async function earn(stamps: number, invoice: string): Promise<void> {
  const r = await h.post(
    '/api/transactions/add',
    { user: SECOND, store: 32, invoice_number: invoice, total_value: stamps * 10_000 },
    auth
  )
  expect(r.status).toBe(200)
}

const coded = (field: string, message: string, code: string) => ({
  detail: `${field}: ${message}`,
  error_message: `${field}: ${message}`,
  error_code: code,
  errors: { [field]: message }
})

beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

describe('stamps under concurrency', () => {
  it('40 concurrent KOPI redemptions on 95 stamps: exactly 9 succeed, 5 stamps remain, 9 type 1 activities', async () => {
    await earn(95, 'RULES-95')
    const before = count('redemptions')
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 1, store: 32, channel: 3 }, auth)
      )
    )
    const ok = answers.filter((a) => a.status === 200)
    expect(ok).toHaveLength(9)
    const refused = answers.filter((a) => a.status === 400)
    expect(refused).toHaveLength(31)
    expect(refused[0]!.json.error_code).toBe('insufficient_stamps')
    expect(stampsOf(SECOND)).toBe(5)
    expect(Math.min(...ok.map((a) => a.json.membership.stamps as number))).toBe(5)
    expect(count('redemptions') - before).toBe(9)
    const feed = await h.get(`/api/v3/activities/?user=${SECOND}`, auth)
    const redemptions = feed.json.activities.filter((a: { type: number }) => a.type === 1)
    expect(redemptions).toHaveLength(9)
    expect(redemptions[0].redemption).toEqual({ stamps: 10, name: 'Free Kopi Susu', status: 1, channel: 'Kiosk' })
  })

  it('the same cancel sent 5 times at once reverses once: one 200, four "already canceled", stamps back by 10', async () => {
    const made = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 1, store: 32 }, auth)
    expect(made.status, made.text).toBe(400) // 5 stamps left: insufficient
    await earn(10, 'RULES-10')
    const ok = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 1, store: 32 }, auth)
    expect(ok.json.membership.stamps).toBe(5)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => h.post('/api/redemptions/cancel', { id: ok.json.redemption.id }, auth))
    )
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    const again = answers.filter((a) => a.status === 400)
    expect(again).toHaveLength(4)
    expect(again[0]!.json).toEqual({ errors: { info: 'Redemption has already been canceled' } })
    expect(stampsOf(SECOND)).toBe(15)
    const feed = await h.get(`/api/v3/activities/?user=${SECOND}`, auth)
    expect(feed.json.activities[0]).toMatchObject({ type: 1, redemption: { status: 2, stamps: 10 } })
  })
})

describe('refusals in the coded envelope', () => {
  it('wrong level: GOLD for a Blue member', async () => {
    const r = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 4, store: 32 }, auth)
    expect(r.status).toBe(400)
    expect(r.json).toEqual(coded('reward', 'This reward is only for Gold members', 'invalid_membership_level'))
  })

  it('wrong store: CAKE at Grand Indonesia (32), though it is fine at Kelapa Gading (2)', async () => {
    await earn(30, 'RULES-30')
    const r = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 2, store: 32 }, auth)
    expect(r.json).toEqual(coded('store', 'This reward cannot be redeemed in this store', 'invalid_store'))
    const at2 = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 2, store: 2 }, auth)
    expect(at2.status).toBe(200)
  })

  it('insufficient stamps names what is needed and held; nothing is written', async () => {
    const before = count('redemptions')
    const r = await h.post('/api/v2/redemptions/redeem-reward', { user: SECOND, reward: 3, store: 32 }, auth)
    expect(r.json).toEqual(coded('reward', 'Insufficient stamps: 60 needed, 20 held', 'insufficient_stamps'))
    expect(count('redemptions')).toBe(before)
  })

  it('a used voucher, then an expired one', async () => {
    const db = h.server.db
    const member = findMember(db, 14, SECOND)!
    const t = configureVoucherTemplate(db, { merchantId: 14, name: 'Rules voucher', validityDays: 30 })
    const fresh = issueVoucher(db, {
      templateId: t,
      membershipId: member.membership_id,
      code: 'RULES-V1',
      nowMs: Date.now()
    })
    const body = { user: SECOND, voucher: fresh, store: 32 }
    expect((await h.post('/api/v2/redemptions/redeem-voucher', body, auth)).status).toBe(200)
    const used = await h.post('/api/v2/redemptions/redeem-voucher', body, auth)
    expect(used.json).toEqual(coded('voucher', 'This voucher has already been used', 'voucher_already_used'))
    const old = issueVoucher(db, {
      templateId: t,
      membershipId: member.membership_id,
      code: 'RULES-OLD',
      nowMs: Date.now() - 40 * 86_400_000
    })
    const expired = await h.post('/api/v2/redemptions/redeem-voucher', { ...body, voucher: old }, auth)
    expect(expired.json).toEqual(coded('voucher', 'This voucher has expired', 'voucher_expired'))
    const check = await h.get('/api/vouchers/validate?merchant=14&store=32&voucher_code=RULES-OLD', auth)
    expect(check.json).toEqual(coded('voucher_code', 'This voucher has expired', 'voucher_expired'))
    // another member's voucher cannot be used by this one
    const mine = await h.post('/api/v2/redemptions/redeem-voucher', { user: SECOND, voucher: 1, store: 32 }, auth)
    expect(mine.json).toEqual(coded('user', 'This voucher is not owned by Second Customer', 'invalid_voucher_owner'))
  })

  it('duplicate registration: email, then mobile number, in full and partial registration', async () => {
    const dupEmail = await h.post(
      '/api/v2/memberships/register',
      { name: 'Again', email: 'Customer@stamps.co.id', mobile_number: '081377778888' },
      auth
    )
    expect(dupEmail.json).toEqual(coded('email', 'This email is already registered', 'email_already_used'))
    const dupMobile = await h.post(
      '/api/v2/memberships/register',
      { name: 'Again', email: 'new-one@example.com', mobile_number: '081234567890' },
      auth
    )
    expect(dupMobile.json).toEqual(
      coded('mobile_number', 'This mobile number is already registered', 'mobile_number_already_used')
    )
    const first = await h.post('/api/v3/memberships/partial-registration', { user: '0813 5555 6666' }, auth)
    expect(first.status).toBe(200)
    const twice = await h.post('/api/v3/memberships/partial-registration', { user: '+6281355556666' }, auth)
    expect(twice.json).toEqual(coded('user', 'This mobile number is already registered', 'mobile_number_already_used'))
  })
})

describe('add-with-redemptions is one transaction', () => {
  it('a refused redemption undoes the sale: the invoice number is still free and the stamps unchanged', async () => {
    const before = stampsOf(SECOND)
    const sale = {
      user: SECOND,
      store: 32,
      invoice_number: 'AWR-ROLLBACK',
      total_value: 100000,
      number_of_people: 1,
      created: new Date().toISOString()
    }
    const refused = await h.post(
      '/api/v2/transactions/add-with-redemptions',
      { ...sale, reward_redemptions: [{ reward: 'KOPI' }, { reward: 'GOLD' }] },
      auth
    )
    expect(refused.status).toBe(400)
    expect(refused.json).toEqual({
      detail: 'Your transaction cannot be completed due to the following error(s)',
      errors: [{ reward: 'This reward is only for Gold members' }],
      error_code: 'invalid_membership_level'
    })
    expect(stampsOf(SECOND)).toBe(before)
    // the sale's own 10 stamps pay for KOPI
    const ok = await h.post(
      '/api/v2/transactions/add-with-redemptions',
      { ...sale, reward_redemptions: [{ reward: 'KOPI' }] },
      auth
    )
    expect(ok.status, ok.text).toBe(200)
    expect(ok.json.membership.stamps).toBe(before + 10 - 10)
  })
})

describe('member PIN', () => {
  it('a merchant requiring PINs refuses a redemption without an authorized request_id and takes one with it', async () => {
    const db = h.server.db
    setRedemptionPinRequired(db, 14, true)
    try {
      setMemberPin(db, findMember(db, 14, SECOND)!.user_id, '246810')
      const redeem = { user: SECOND, reward: 1, store: 32, request_id: 'kiosk-req-1' }
      const before = stampsOf(SECOND)
      const without = await h.post('/api/v2/redemptions/redeem-reward', redeem, auth)
      expect(without.json).toEqual(
        coded('request_id', 'This redemption needs the member PIN authorization', 'pin_required')
      )
      const authorize = { user: SECOND, pin: '246810', request_id: 'kiosk-req-1', timeout: 60 }
      expect((await h.post('/api/redemptions/authorize', authorize, auth)).status).toBe(200)
      const withPin = await h.post('/api/v2/redemptions/redeem-reward', redeem, auth)
      expect(withPin.status, withPin.text).toBe(200)
      expect(stampsOf(SECOND)).toBe(before - 10)
      for (const left of [2, 1]) {
        const bad = await h.post('/api/redemptions/authorize', { ...authorize, pin: '000000' }, auth)
        expect(bad.json.errors.pin).toBe(`Invalid PIN, ${left} attempt(s) left`)
      }
      const blocked = await h.post('/api/redemptions/authorize', { ...authorize, pin: '000000' }, auth)
      expect(blocked.json.error_code).toBe('pin_blocked')
      const evenRight = await h.post('/api/redemptions/authorize', authorize, auth)
      expect(evenRight.json.error_code).toBe('pin_blocked')
    } finally {
      setRedemptionPinRequired(db, 14, false)
    }
  })
})

describe('demo seed', () => {
  it('seeding again changes nothing, and the used welcome voucher stays used', async () => {
    const used = await h.post(
      '/api/redemptions/by-voucher-code',
      {
        identifier: 'customer@stamps.co.id',
        voucher_code: 'DEMO-WELCOME-1',
        voucher_template: 1,
        store: 84
      },
      auth
    )
    expect(used.status, used.text).toBe(200)
    const tables = ['rewards', 'reward_stores', 'voucher_templates', 'vouchers', 'users', 'memberships', 'activities']
    const before = tables.map(count)
    seedDemo(h.server.db)
    expect(tables.map(count)).toEqual(before)
    const again = await h.get('/api/vouchers/validate?merchant=14&store=32&voucher_code=DEMO-WELCOME-1', auth)
    expect(again.json.error_code).toBe('voucher_already_used')
    const second = await h.get(`/api/vouchers/by-merchant-group?user=${SECOND}`, auth)
    expect(second.json.vouchers.map((v: { code: string }) => v.code)).not.toContain('DEMO-WELCOME-1')
  })
})

describe('legacy transactions/cancel with cancel_related_redemptions', () => {
  it('"true" cancels the redemptions under the sale invoice first, then the sale; each once', async () => {
    const sale = await h.post(
      '/api/transactions/add',
      { user: SECOND, store: 84, invoice_number: 'RELATED-1', total_value: 250000 },
      auth
    )
    expect(sale.status).toBe(200)
    const before = stampsOf(SECOND) - 25
    const kopi = { user: SECOND, reward: 1, store: 84, invoice_number: 'RELATED-1' }
    for (let i = 0; i < 2; i++) expect((await h.post('/api/v2/redemptions/redeem-reward', kopi, auth)).status).toBe(200)
    // without the flag the sale's stamps are spent: refused as documented, nothing changes
    const plain = await h.post('/api/transactions/cancel', { id: sale.json.transaction.id }, auth)
    expect(plain.json).toEqual({ errors: { info: "Transaction can't be canceled due to insufficient Stamps" } })
    const r = await h.post(
      '/api/transactions/cancel',
      { id: sale.json.transaction.id, cancel_related_redemptions: 'true' },
      auth
    )
    expect(r.status, r.text).toBe(200)
    expect(r.json.customer.stamps_remaining).toBe(before)
    expect(stampsOf(SECOND)).toBe(before)
    const live = h.server.db
      .prepare("SELECT count(*) FROM redemptions WHERE invoice_number = 'RELATED-1' AND status = 1")
      .pluck()
      .get()
    expect(live).toBe(0)
  })
})

describe('last uses under concurrency', () => {
  it('a one-use voucher sent from 6 tills at once is used once; one phone joined from 6 kiosks at once joins once', async () => {
    const db = h.server.db
    const member = findMember(db, 14, SECOND)!
    const t = configureVoucherTemplate(db, { merchantId: 14, name: 'Race voucher' })
    const id = issueVoucher(db, {
      templateId: t,
      membershipId: member.membership_id,
      code: 'RACE-1',
      nowMs: Date.now()
    })
    const uses = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.post('/api/v2/redemptions/redeem-voucher', { user: SECOND, voucher: id, store: 3 }, auth)
      )
    )
    expect(uses.map((u) => u.status).sort()).toEqual([200, 400, 400, 400, 400, 400])
    expect(uses.find((u) => u.status === 400)!.json.error_code).toBe('voucher_already_used')
    const joins = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.post('/api/v3/memberships/partial-registration', { user: '081399887766' }, auth)
      )
    )
    expect(joins.filter((j) => j.status === 200)).toHaveLength(1)
    expect(joins.filter((j) => j.json.error_code === 'mobile_number_already_used')).toHaveLength(5)
    expect(db.prepare("SELECT count(*) FROM users WHERE mobile_phone = '+6281399887766'").pluck().get()).toBe(1)
  })
})
