/**
 * Rewards and redemptions through the receipt bridge, over real HTTP against the demo-seeded
 * sandbox behind the fault proxy: a POS redeems KOPI and the stamps go down by 10; a refusal is
 * Stamps' own 400 envelope; offline, a redemption is refused and nothing is queued or spent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BRIDGE_TOKEN, startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig({ timeoutMs: 800, breaker: { openMs: 60_000 } })
  // 50 stamps for the member through a v2 sale passed through the bridge
  const earn = await rig.post('/api/v2/transactions/add', {
    user: DEMO.customer,
    store: 2,
    invoice_number: `EARN-${Date.now()}`,
    total_value: 500000,
    number_of_people: 1,
    created: new Date().toISOString()
  })
  expect(earn.status).toBe(200)
})
afterEach(async () => {
  await rig.stop()
})

const redemptions = (): number => rig.sandbox.db.prepare('SELECT count(*) FROM redemptions').pluck().get() as number
const stamps = async (user: string): Promise<number> => {
  const res = await rig.get(`/api/v2/memberships/details?user=${encodeURIComponent(user)}&merchant=14`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { membership: { stamps: number } }).membership.stamps
}
/** The reward's id from the catalogue as the bridge relays it. */
const rewardId = async (code: string): Promise<number> => {
  const res = await rig.get(`/api/rewards/?merchant=14&store=2&user=${encodeURIComponent(DEMO.customer)}`)
  expect(res.status).toBe(200)
  const { rewards } = (await res.json()) as { rewards: Array<{ id: number; code: string }> }
  return rewards.find((r) => r.code === code)!.id
}

describe('bridge rewards pass-through', () => {
  it('redeems KOPI for a POS: Stamps answers, the stamps go down by 10', async () => {
    const before = await stamps(DEMO.customer)
    expect(before).toBeGreaterThanOrEqual(10)
    const kopi = await rewardId('KOPI')
    const res = await rig.post('/api/v2/redemptions/redeem-reward', {
      user: DEMO.customer,
      reward: kopi,
      store: 2,
      invoice_number: 'POS-R-1'
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { membership: { stamps: number } }
    expect(body.membership.stamps).toBe(before - 10)
    expect(await stamps(DEMO.customer)).toBe(before - 10)
    expect(redemptions()).toBe(1)
  })

  it("relays a refused redemption as Stamps' own 400 envelope", async () => {
    const gold = await rewardId('GOLD')
    const request = { user: DEMO.customer, reward: gold, store: 2 }
    const res = await rig.post('/api/v2/redemptions/redeem-reward', request)
    const direct = await fetch(`${rig.sandbox.url}/api/v2/redemptions/redeem-reward`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${DEMO.key}` },
      body: JSON.stringify(request)
    })
    expect(direct.status).toBe(400)
    expect(res.status).toBe(400)
    const relayed = await res.json()
    expect(relayed).toEqual(await direct.json())
    expect(relayed).toMatchObject({ error_code: expect.any(String), errors: expect.any(Object) })
    expect(redemptions()).toBe(0)
  })

  it('refuses a redemption offline with a clear reason, sends nothing later, and reads a bad body as 400', async () => {
    const kopi = await rewardId('KOPI')
    const allStamps = () => rig.sandbox.db.prepare('SELECT sum(stamps) FROM memberships').pluck().get() as number
    const before = allStamps()
    await rig.proxy.setMode({ kind: 'refuse' })
    const redeem = () => rig.post('/api/v2/redemptions/redeem-reward', { user: DEMO.customer, reward: kopi, store: 2 })
    const first = await redeem()
    expect(first.status).toBe(503)
    expect(await first.json()).toMatchObject({
      code: 'redemption-offline',
      detail: expect.stringContaining('never queued')
    })
    const again = await redeem()
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([503, 'redemption-offline'])
    // never queued: once Stamps is back nothing is sent on the POS's behalf
    await rig.proxy.setMode({ kind: 'pass' })
    await new Promise((r) => setTimeout(r, 200))
    expect(redemptions()).toBe(0)
    expect(rig.outbox.depth()).toEqual({ queued: 0, failed: 0 })
    expect(allStamps()).toBe(before)
    const bad = await rig.post('/api/v2/redemptions/redeem-reward', { user: DEMO.customer, store: 2 })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty('reward')
  })

  it('answers 504 after an unanswered redemption that landed, and never sends it twice', async () => {
    const kopi = await rewardId('KOPI')
    await rig.proxy.setMode({ kind: 'reset-after-request' })
    const res = await rig.post('/api/v2/redemptions/redeem-reward', { user: DEMO.customer, reward: kopi, store: 2 })
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ code: 'redemption-unknown' })
    expect(redemptions()).toBe(1)
  })

  it('relays reads in XML with the token in the query, and refuses without a credential', async () => {
    const res = await rig.get(`/api/rewards/KOPI?token=${BRIDGE_TOKEN}`, { accept: 'application/xml' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xml')
    expect(await res.text()).toContain('<name>Free Kopi Susu</name>')
    const none = await rig.post('/api/v2/redemptions/redeem-reward', { user: DEMO.customer, reward: 1, store: 2 }, {})
    expect(none.status).toBe(403)
    expect(redemptions()).toBe(0)
  })
})
