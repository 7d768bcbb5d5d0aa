/** Credit/debit through the fault proxy: ambiguous failures reconcile, money never moves twice. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy'
import { FAKE_KEY, startFakeUpstream, type FakeUpstream } from '../../../tests/support/fake-stamps-upstream'
import { StampsClient } from './stamps-client'

const USER = 'customer@stamps.co.id'
const credit = (amount: number) => ({ user: USER, amount, merchant: 14, store: 3 })
const typeSeven = (up: FakeUpstream) => up.activities.filter((a) => a.type === 7).length

describe('balance credit/debit: no blind retry, reconcile after ambiguity', () => {
  let up: FakeUpstream
  let proxy: FaultProxy
  let client: StampsClient
  beforeEach(async () => {
    up = await startFakeUpstream()
    proxy = await startFaultProxy({ port: Number(new URL(up.url).port) })
    client = new StampsClient(
      { baseUrl: proxy.url, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 300, reconcileSettleMs: 20 },
      { sleep: async () => {} }
    )
  })
  afterEach(async () => {
    client.close()
    await proxy.close()
    await up.close()
  })

  it('posts a plain credit and debit and reports the balance update ids', async () => {
    const c = await client.credit(credit(10_000))
    const d = await client.debit(credit(2_500))
    expect(c).toMatchObject({ outcome: 'posted', reconciled: false })
    expect(d.outcome === 'posted' && d.balance_update_id).toBeGreaterThan(0)
    expect(up.balance.get(USER)).toBe(7_500)
  })

  it('a credit whose answer is lost after the server committed reconciles to posted, once', async () => {
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const r = await client.credit(credit(10_000))
    expect(r).toMatchObject({ outcome: 'posted', reconciled: true })
    expect(r.outcome === 'posted' && r.activity_id).toBeGreaterThan(0)
    expect(up.balance.get(USER)).toBe(10_000)
    expect(up.requests.filter((q) => q.path === '/api/balances/credit')).toHaveLength(1)
    expect(typeSeven(up)).toBe(1)
  })

  it('a debit held past the timeout reconciles to posted by its negative amount', async () => {
    await client.credit(credit(20_000))
    await proxy.setMode({ kind: 'delay', ms: 600, methods: ['POST'] })
    const r = await client.debit(credit(5_000))
    expect(r).toMatchObject({ outcome: 'posted', reconciled: true })
    expect(up.balance.get(USER)).toBe(15_000)
  })

  it('a credit reset before it reached the server reconciles to not-posted', async () => {
    await proxy.setMode({ kind: 'reset-before-request', methods: ['POST'] })
    const r = await client.credit(credit(10_000))
    expect(r.outcome).toBe('not-posted')
    expect(up.balance.get(USER) ?? 0).toBe(0)
    expect(up.requests.some((q) => q.path === '/api/balances/credit')).toBe(false)
  })

  it('a 503 from a proxy is treated as possibly committed and reconciled, not retried', async () => {
    await proxy.setMode({ kind: 'http-5xx', count: 1, methods: ['POST'] })
    const r = await client.credit(credit(10_000))
    expect(r).toMatchObject({ outcome: 'not-posted', reconciled: true })
    expect(r.outcome === 'not-posted' && r.error.kind).toBe('server')
    expect(up.requests.some((q) => q.path === '/api/balances/credit')).toBe(false)
  })

  it('refused before anything is sent: not-posted without reconciling', async () => {
    await proxy.setMode({ kind: 'refuse' })
    const r = await client.credit(credit(10_000))
    expect(r).toMatchObject({ outcome: 'not-posted', reconciled: false })
    expect(r.outcome === 'not-posted' && r.error.ambiguous).toBe(false)
  })

  it('says unknown when the activities cannot be read after an ambiguous failure', async () => {
    // A real settle interval, so the link can be cut between the reset and the reconciling read.
    const settling = new StampsClient({
      baseUrl: proxy.url,
      credential: { kind: 'token', key: FAKE_KEY },
      reconcileSettleMs: 250,
      retry: { maxAttempts: 1 }
    })
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const pending = settling.credit(credit(10_000))
    while (proxy.stats.resets === 0) await new Promise((r) => setTimeout(r, 2))
    await proxy.setMode({ kind: 'refuse' })
    const r = await pending
    settling.close()
    expect(r.outcome).toBe('unknown')
    if (r.outcome !== 'unknown') return
    expect(r.reason).toMatch(/could not read activities/)
    await proxy.setMode({ kind: 'pass' })
    expect(await client.reconcileBalance(r.ticket)).toMatchObject({ outcome: 'posted' })
    expect(up.balance.get(USER)).toBe(10_000)
  })

  it('two identical ambiguous credits where one landed: one posted, never both', async () => {
    await client.credit(credit(1)) // gives the member an activity history
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const first = await client.credit(credit(10_000))
    await proxy.setMode({ kind: 'reset-before-request', methods: ['POST'] })
    const second = await client.credit(credit(10_000))
    expect(first.outcome).toBe('posted')
    expect(second.outcome).toBe('not-posted')
    expect(up.balance.get(USER)).toBe(10_001)
  })

  it('a lost access-token answer is never mistaken for an ambiguous money call', async () => {
    const jwt = new StampsClient({
      baseUrl: proxy.url,
      credential: { kind: 'jwt', key: FAKE_KEY, merchantId: 14 },
      retry: { maxAttempts: 1 }
    })
    await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const r = await jwt.ping().catch((e: unknown) => e)
    expect(r).toMatchObject({ kind: 'network', ambiguous: false, detail: expect.stringMatching(/^access token/) })
    jwt.close()
  })

  it('refuses a non-positive amount before sending', async () => {
    const r = await client.credit(credit(0))
    expect(r.outcome === 'not-posted' && r.error.fieldErrors[0]?.[0]).toBe('amount')
    expect(up.requests).toHaveLength(0)
  })
})
