/**
 * The rewards channels as a kiosk calls them, through the real host over the real sandbox (demo
 * seed) behind the fault proxy: progress and locks, one redemption per confirm, no blind retry,
 * offline refusals, the slip queued, joining by phone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { RegistrationClient, SaleV2Client, StampsClient } from '../stamps'

const USER = DEMO.customer
const PIN_USER = 'pin-member@example.com'
const redemptions = (rig: DeskRig): number =>
  rig.sandbox.db.prepare('SELECT count(*) FROM redemptions').pluck().get() as number
let rig: DeskRig
const idOf = async (code: string): Promise<number> =>
  (await rig.ok('rewards:list', { user: USER })).rewards.find((r) => r.code === code)!.id

beforeAll(async () => {
  // Store 32 takes every reward but CAKE (stores 2 and 3 only).
  rig = await startDeskRig({ faults: true, settings: { kiosk: { mode: 'kiosk' }, store: 32 } })
  const direct = new StampsClient({
    baseUrl: rig.sandbox.url,
    credential: { kind: 'token', key: DEMO.key },
    timeoutMs: 2000
  })
  // 36 stamps through a real sale (1 per Rp10,000).
  await new SaleV2Client(direct).addTransaction({
    user: USER,
    store: 32,
    invoice_number: 'REWARDS-EARN',
    total_value: 360_000,
    number_of_people: 1,
    created: new Date().toISOString()
  })
  // A member with a PIN and 20 stamps, for the merchant that asks for it.
  await new RegistrationClient(direct).register({
    name: 'Pin Member',
    email: PIN_USER,
    mobile_number: '081355500011',
    pin: '123456',
    confirm_pin: '123456'
  })
  await new SaleV2Client(direct).addTransaction({
    user: PIN_USER,
    store: 32,
    invoice_number: 'REWARDS-PIN',
    total_value: 200_000,
    number_of_people: 1,
    created: new Date().toISOString()
  })
  direct.close()
})
afterEach(() => rig.proxy!.setMode({ kind: 'pass' }))
afterAll(() => rig.stop())

describe('rewards at the kiosk', () => {
  it('lists the rewards with progress and says why each locked one is locked', async () => {
    const list = await rig.ok('rewards:list', { user: USER })
    expect(list.stamps).toBe(36)
    const byCode = Object.fromEntries(list.rewards.map((r) => [r.code, r]))
    expect(byCode.KOPI).toMatchObject({ stamps: 10, lockedBy: null, stampsShort: 0 })
    expect(byCode.CAKE).toMatchObject({ stamps: 25, lockedBy: 'store' })
    expect(byCode.TUMBLER).toMatchObject({ stamps: 60, lockedBy: 'stamps', stampsShort: 24 })
    expect(byCode.GOLD).toMatchObject({ stamps: 5, lockedBy: 'level' })
  })

  it('redeems KOPI once per confirm, prints a slip and answers the new stamp count', async () => {
    const before = redemptions(rig)
    const kopi = await idOf('KOPI')
    const req = { requestId: 'kiosk-redeem-1', user: USER, rewardId: kopi }
    const [a, b] = await Promise.all([rig.ok('rewards:redeem', req), rig.ok('rewards:redeem', req)])
    expect(a).toMatchObject({ outcome: 'redeemed', rewardName: 'Free Kopi Susu', stamps: 26, reconciled: false })
    expect(b).toEqual(a)
    if (a.outcome !== 'redeemed') throw new Error('expected redeemed')
    expect(a.slipJobId).toEqual(expect.any(Number))
    expect(a.code).toMatch(/\S/)
    expect(redemptions(rig)).toBe(before + 1)
    expect(rig.stampsOf(USER)).toBe(26)
  })

  it('refuses what is locked without sending it', async () => {
    const before = redemptions(rig)
    const out = await rig.ok('rewards:redeem', {
      requestId: 'kiosk-tumbler',
      user: USER,
      rewardId: await idOf('TUMBLER')
    })
    expect(out).toMatchObject({ outcome: 'refused', reason: 'stamps' })
    const gold = await rig.ok('rewards:redeem', { requestId: 'kiosk-gold-1', user: USER, rewardId: await idOf('GOLD') })
    expect(gold).toMatchObject({ outcome: 'refused', reason: 'level' })
    expect(redemptions(rig)).toBe(before)
  })

  it('an answer lost after Stamps committed is reconciled from the activities, never resent', async () => {
    const kopi = await idOf('KOPI')
    const before = redemptions(rig)
    const stamps = rig.stampsOf(USER)
    await rig.proxy!.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const out = await rig.ok('rewards:redeem', { requestId: 'kiosk-ambiguous', user: USER, rewardId: kopi })
    expect(out).toMatchObject({ outcome: 'redeemed', reconciled: true, stamps: stamps - 10 })
    expect(redemptions(rig)).toBe(before + 1)
  })

  it('lists the member vouchers with expiry', async () => {
    const { vouchers } = await rig.ok('rewards:vouchers', { user: USER })
    expect(vouchers).toEqual([
      expect.objectContaining({ code: 'DEMO-WELCOME-1', name: 'Welcome Voucher', expiresOn: expect.any(String) })
    ])
    expect((await rig.ok('rewards:vouchers', { user: DEMO.second })).vouchers).toEqual([])
  })

  it('joins a new member by phone and answers them as a scan would; twice is refused', async () => {
    const member = await rig.ok('rewards:join', { phone: '081311112222' })
    expect(member).toMatchObject({ stamps: 0, isBlocked: false })
    const again = await rig.refused('rewards:join', { phone: '081311112222' })
    expect(again.code).toMatch(/validation|invalid-input/)
  })

  it('keeps the cashier reconcile away from a kiosk', async () => {
    expect((await rig.refused('rewards:reconcile', { ticketId: 'x' })).code).toBe('forbidden')
  })
  it('asks for the member PIN where the merchant requires it; a wrong PIN spends nothing', async () => {
    rig.sandbox.db.prepare('UPDATE merchants SET redemption_requires_pin = 1 WHERE id = 14').run()
    try {
      const kopi = await idOf('KOPI')
      const ask = { user: PIN_USER, rewardId: kopi }
      expect(await rig.ok('rewards:redeem', { ...ask, requestId: 'kiosk-pin-1' })).toMatchObject({
        outcome: 'refused',
        reason: 'pin-required'
      })
      expect(await rig.ok('rewards:redeem', { ...ask, requestId: 'kiosk-pin-2', pin: '654321' })).toMatchObject({
        outcome: 'refused',
        reason: 'invalid-pin'
      })
      expect(rig.stampsOf(PIN_USER)).toBe(20)
      const out = await rig.ok('rewards:redeem', { ...ask, requestId: 'kiosk-pin-3', pin: '123456' })
      expect(out).toMatchObject({ outcome: 'redeemed', stamps: 10 })
      expect(rig.stampsOf(PIN_USER)).toBe(10)
    } finally {
      rig.sandbox.db.prepare('UPDATE merchants SET redemption_requires_pin = 0 WHERE id = 14').run()
    }
  })

  // Last: the refusals open the client's circuit breaker for what follows.
  it('offline, a redemption is refused with the reason "offline" and nothing is spent', async () => {
    const kopi = await idOf('KOPI')
    const stamps = rig.stampsOf(USER)
    await rig.proxy!.setMode({ kind: 'refuse' })
    const out = await rig.ok('rewards:redeem', { requestId: 'kiosk-offline', user: USER, rewardId: kopi })
    expect(out).toMatchObject({ outcome: 'refused', reason: 'offline' })
    expect(rig.stampsOf(USER)).toBe(stamps)
  })
})
