/**
 * The catalogue, redemption, v2 sale and registration clients against the real sandbox (demo
 * seed), directly and through the fault proxy: reads retry, redemptions are never repeated.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { CatalogueClient } from './catalogue-client'
import { RedemptionClient } from './redemption-client'
import { RedemptionReconciler } from './redemption-reconcile'
import { RegistrationClient } from './registration-client'
import { SaleV2Client } from './sale-v2-client'
import { StampsClient } from './stamps-client'
import { StampsError } from './stamps-error'

const caught = (p: Promise<unknown>): Promise<StampsError> =>
  p.then(
    () => {
      throw new Error('expected a StampsError')
    },
    (e: unknown) => {
      if (!(e instanceof StampsError)) throw e
      return e
    }
  )

let sandbox: TestSandbox
let proxy: FaultProxy
let direct: StampsClient
let viaProxy: StampsClient
const redemptions = (): number => sandbox.db.prepare('SELECT count(*) FROM redemptions').pluck().get() as number

beforeAll(async () => {
  sandbox = await startTestSandbox()
  proxy = await startFaultProxy({ port: sandbox.port })
  const config = { credential: { kind: 'token' as const, key: DEMO.key }, timeoutMs: 1500 }
  direct = new StampsClient({ ...config, baseUrl: sandbox.url })
  viaProxy = new StampsClient({ ...config, baseUrl: proxy.url }, { sleep: async () => {} })
  // 50 stamps for the second member through a real sale
  await new SaleV2Client(direct).addTransaction({
    user: DEMO.second,
    store: 32,
    invoice_number: 'CLIENT-EARN',
    total_value: 500000,
    number_of_people: 1,
    created: new Date().toISOString()
  })
})
afterEach(() => proxy.setMode({ kind: 'pass' }))
afterAll(async () => {
  direct.close()
  viaProxy.close()
  await proxy.close()
  await sandbox.stop()
})

describe('typed clients against the sandbox', () => {
  it('reads the catalogue, one reward by code and the member vouchers', async () => {
    const catalogue = new CatalogueClient(direct)
    const list = await catalogue.rewards({ merchant: 14, store: 32, user: DEMO.customer, channel: 3 })
    expect(list.rewards.map((r) => r.code)).toEqual(['KOPI', 'CAKE', 'TUMBLER', 'GOLD'])
    expect((await catalogue.reward('CAKE')).available_at).toEqual(['Kelapa Gading', 'Senayan City'])
    expect((await catalogue.groupRewards({ type: 1 })).rewards).toHaveLength(4)
    const mine = await catalogue.groupVouchers({ user: DEMO.customer, channel: 3 })
    expect(mine.vouchers.map((v) => v.code)).toEqual(['DEMO-WELCOME-1'])
    expect((await catalogue.voucherDetails({ user: DEMO.customer, code: 'DEMO-WELCOME-1' })).quantity).toBe(1)
    const valid = await catalogue.validateVoucher({ merchant: 14, store: 2, voucher_code: 'DEMO-WELCOME-1' })
    expect(valid.is_redeemable).toBe(true)
    const notYours = await caught(
      catalogue.validateVoucher({ merchant: 14, store: 2, voucher_code: 'DEMO-WELCOME-1', user: DEMO.second })
    )
    expect(notYours).toMatchObject({ kind: 'validation', status: 400, errorCode: 'invalid_voucher_owner' })
    expect(await caught(catalogue.reward('NO-SUCH'))).toMatchObject({ kind: 'not-found' })
  })

  it('redeems, cancels, and reads refusals with their error codes', async () => {
    const r = new RedemptionClient(direct)
    const made = await r.redeemReward({ user: DEMO.second, reward: 1, store: 32, channel: 3, invoice_number: 'K-1' })
    expect(made.membership.stamps).toBe(40)
    const gold = await caught(r.redeemReward({ user: DEMO.second, reward: 4, store: 32 }))
    expect(gold.errorCode).toBe('invalid_membership_level')
    expect(gold.fieldErrors).toEqual([['reward', 'This reward is only for Gold members']])
    const undone = await r.cancelRedemption(made.redemption.id)
    expect(undone.customer.stamps_remaining).toBe(50)
    expect((await caught(r.cancelRedemption(made.redemption.id))).kind).toBe('validation')
    const local = await caught(r.redeemReward({ user: DEMO.second, reward: -1, store: 32 }))
    expect(local.detail).toBe('Refused before sending')
  })

  it('sells with redemptions in one call, and registers by phone', async () => {
    const sale = await new SaleV2Client(direct).addWithRedemptions({
      user: DEMO.customer,
      store: 32,
      invoice_number: 'DESK-1',
      total_value: 100000,
      number_of_people: 1,
      created: new Date().toISOString(),
      voucher_redemptions: [{ voucher_code: 'DEMO-WELCOME-1' }]
    })
    expect(sale.membership.stamps).toBe(10)
    expect(sale.redemptions).toEqual([expect.objectContaining({ reward: 'Welcome Voucher', stamps_used: 0 })])
    const joined = await new RegistrationClient(direct).registerPartial({ user: '081355550000' })
    expect(joined.user.phone).toBe('+6281355550000')
    const again = await caught(new RegistrationClient(direct).registerPartial({ user: '081355550000' }))
    expect(again.errorCode).toBe('mobile_number_already_used')
  })
})

describe('no blind retry of redemptions', () => {
  it('a 503 on redeem-reward is the answer (ambiguous), sent once; a 503 on a read is retried', async () => {
    const before = { requests: proxy.stats.requests, redemptions: redemptions() }
    await proxy.setMode({ kind: 'http-5xx', count: 1, methods: ['POST'] })
    const e = await caught(new RedemptionClient(viaProxy).redeemReward({ user: DEMO.second, reward: 1, store: 32 }))
    expect(e).toMatchObject({ kind: 'server', status: 503, ambiguous: true })
    expect(proxy.stats.requests - before.requests).toBe(1)
    expect(redemptions()).toBe(before.redemptions)
    await proxy.setMode({ kind: 'http-5xx', count: 1, methods: ['GET'] })
    const list = await new CatalogueClient(viaProxy).rewards({ merchant: 14, store: 32 })
    expect(list.rewards).toHaveLength(4)
    expect(proxy.stats.requests - before.requests).toBe(3)
  })

  it('a reset after the request reached Stamps: ambiguous, committed exactly once, never sent again', async () => {
    const before = redemptions()
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const e = await caught(new RedemptionClient(viaProxy).redeemReward({ user: DEMO.second, reward: 1, store: 32 }))
    expect(e.ambiguous).toBe(true)
    expect(redemptions()).toBe(before + 1)
    const v = await caught(
      new SaleV2Client(viaProxy).addWithRedemptions({
        user: DEMO.second,
        store: 32,
        invoice_number: 'AMBIG-1',
        total_value: 10000,
        number_of_people: 1,
        created: new Date().toISOString(),
        reward_redemptions: [{ reward: 'KOPI' }]
      })
    )
    expect(v.ambiguous).toBe(true)
    expect(redemptions()).toBe(before + 2)
  })
})

describe('reconciling an ambiguous redemption against type 1 activities', () => {
  const reconciler = () => {
    const redemptionsVia = new RedemptionClient(viaProxy)
    return new RedemptionReconciler(
      { redeemReward: (r) => redemptionsVia.redeemReward(r), activities: (q) => direct.activities(q) },
      { reconcileSettleMs: 20, reconcilePages: 3 }
    )
  }
  const kopi = { name: 'Free Kopi Susu', stamps: 10 }

  it('a reset after Stamps committed reads as redeemed, found in the activities, once', async () => {
    const before = redemptions()
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const out = await reconciler().redeem({ user: DEMO.second, reward: 1, store: 32, channel: 3 }, kopi)
    expect(out).toMatchObject({ outcome: 'redeemed', reconciled: true, activity_id: expect.any(Number) })
    expect(redemptions()).toBe(before + 1)
  })

  it('a 503 that never reached Stamps reads as not redeemed, after reading the activities', async () => {
    const before = redemptions()
    await proxy.setMode({ kind: 'http-5xx', count: 1, methods: ['POST'] })
    const out = await reconciler().redeem({ user: DEMO.second, reward: 1, store: 32 }, kopi)
    expect(out).toMatchObject({ outcome: 'not-redeemed', reconciled: true })
    expect(redemptions()).toBe(before)
  })

  it('a plain answer needs no reconciling; a refusal is not redeemed at once', async () => {
    const ok = await reconciler().redeem({ user: DEMO.second, reward: 1, store: 32 }, kopi)
    expect(ok).toMatchObject({ outcome: 'redeemed', reconciled: false })
    const gold = await reconciler().redeem(
      { user: DEMO.second, reward: 4, store: 32 },
      { name: 'Gold Lounge Pass', stamps: 5 }
    )
    expect(gold).toMatchObject({ outcome: 'not-redeemed', reconciled: false })
  })
})
