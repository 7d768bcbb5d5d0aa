/**
 * Fast offline answers: once the upstream is known to be down (the client's circuit breaker is
 * open) a bridge sale is answered 202 pending at once, not after a wait per sale; when the
 * upstream returns, the half-open probe closes the breaker, sales post again and the queue drains.
 */
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'
import { waitFor } from '../../../tests/support/wait-for'

const sale = (invoice: string) => ({ user: DEMO.customer, store: 2, invoice_number: invoice, total_value: 30_000 })

let rig: BridgeRig
afterEach(async () => {
  await rig.stop()
})

/** Posts a sale and returns its status and how long the POS waited for the answer, in ms. */
async function timedSale(invoice: string): Promise<{ status: number; ms: number }> {
  const t = performance.now()
  const res = await rig.post('/api/transactions/add', sale(invoice))
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - t }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

describe('the bridge while the upstream is down', () => {
  it('answers 202 at once after the breaker opens, without touching the upstream; reads fail fast too', async () => {
    // The production wait (4 s) and an upstream that swallows requests: each try times out.
    rig = await startBridgeRig({ saleWaitMs: 4_000, timeoutMs: 400, breaker: { openMs: 60_000 } })
    await rig.proxy.setMode({ kind: 'delay', ms: 60_000 })
    const first = await timedSale('off-0')
    expect(first.status).toBe(202)
    await waitFor(() => rig.breaker.state === 'open', 'the breaker to open')

    const requestsBefore = rig.proxy.stats.requests
    const answers = []
    for (let i = 1; i <= 30; i++) answers.push(await timedSale(`off-${i}`))
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(202))
    const times = answers.map((a) => a.ms)
    // Before: every one of these waited the full 4 s. The bench prints the real figures.
    expect(median(times)).toBeLessThan(100)
    expect(Math.max(...times)).toBeLessThan(1_000)

    const read = performance.now()
    const member = await rig.get('/api/v2/memberships/details?user=1234567890123&merchant=14')
    expect([member.status, await member.json()]).toEqual([
      503,
      { detail: 'Stamps could not be reached; nothing was changed. Try again.' }
    ])
    expect(performance.now() - read).toBeLessThan(1_000)
    expect(rig.proxy.stats.requests).toBe(requestsBefore)
    // Every sale is on disk all the same.
    expect(rig.outbox.depth()).toEqual({ queued: 31, failed: 0 })
  })

  it('closes on the half-open probe when the upstream returns: sales post again and the queue drains once', async () => {
    rig = await startBridgeRig({ saleWaitMs: 4_000, breaker: { openMs: 300 } })
    await rig.proxy.setMode({ kind: 'refuse' })
    for (let i = 0; i < 5; i++) expect((await timedSale(`back-${i}`)).status).toBe(202)
    await waitFor(() => rig.breaker.state !== 'closed', 'the breaker to open')
    const opened = await timedSale('back-5')
    expect(opened.status).toBe(202)

    // The upstream returns; nobody nudges the queue: the drain's next send after the open
    // period is the probe, its answer closes the breaker, and the queue drains.
    await rig.proxy.setMode({ kind: 'pass' })
    await waitFor(() => rig.breaker.state === 'closed', 'the probe to close the breaker', 10_000)
    await waitFor(() => rig.outbox.depth().queued === 0, 'the queue to drain', 10_000)
    const posted = await rig.post('/api/transactions/add', sale('back-6'))
    expect(posted.status).toBe(200)
    expect(await posted.json()).toMatchObject({ transaction: { stamps_earned: 3 } })
    const counts = rig.sandbox.salesCount()
    for (let i = 0; i <= 6; i++) expect(counts.get(`2|back-${i}`), `back-${i}`).toBe(1)
    expect(rig.outbox.list({ state: 'posted' })).toHaveLength(7)
    await waitFor(() => rig.printer.jobs().filter((j) => j.kind === 'receipt').length === 7, 'one receipt each')
  })
})
