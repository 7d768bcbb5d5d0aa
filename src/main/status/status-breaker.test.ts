/**
 * The host's circuit breaker as the till sees it: the status bar's "upstream reachable" follows
 * it, look-ups and sales answer at once while it is open, and the upstream's return is noticed
 * by itself (the status probe) or at once on "send now".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { waitFor } from '../../../tests/support/wait-for'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig({ faults: true })
})
afterEach(async () => {
  await rig.stop()
})

const reachable = async () => (await rig.ok('status:get', {})).upstream.reachable
const pushedReachable = () =>
  rig.events
    .filter((e) => e.event === 'status:changed')
    .map((e) => (e.payload as { upstream: { reachable: boolean } }).upstream.reachable)
const timed = async <T>(call: () => Promise<T>): Promise<[T, number]> => {
  const t = Date.now()
  const out = await call()
  return [out, Date.now() - t]
}

describe('the upstream breaker at the till', () => {
  it('says unreachable the moment it opens, answers at once while open, and sees the upstream come back', async () => {
    await waitFor(reachable, 'the first probe')
    await rig.proxy!.setMode({ kind: 'refuse' })
    expect(await rig.refused('member:lookup', { query: DEMO.card })).toMatchObject({ code: 'unreachable' })
    // Three refused tries opened it: the bar says so without waiting for its next probe.
    expect(await reachable()).toBe(false)
    expect(pushedReachable().at(-1)).toBe(false)

    const [lookup, lookupMs] = await timed(() => rig.refused('member:lookup', { query: DEMO.card }))
    expect(lookup).toMatchObject({ code: 'unreachable' })
    expect(lookupMs).toBeLessThan(1_000)
    const [queued, saleMs] = await timed(() =>
      rig.ok('sale:submit', { user: DEMO.customer, invoiceNumber: 'BRK-1', totalValue: 30_000 })
    )
    expect(queued).toMatchObject({ state: 'queued' })
    // The desk waits up to 4 s for Stamps; with the line known to be down it does not wait.
    expect(saleMs).toBeLessThan(1_000)

    // Back: nobody presses anything; the probe due at the end of the open period closes it.
    await rig.proxy!.setMode({ kind: 'pass' })
    await waitFor(reachable, 'the status probe to close the breaker', 15_000)
    expect(pushedReachable().at(-1)).toBe(true)
    await waitFor(
      async () => (await rig.ok('outbox:list', {})).items.every((i) => i.state === 'posted'),
      'the queued sale to post'
    )
    expect(rig.sandbox.salesCount().get('2|BRK-1')).toBe(1)
    expect(await rig.ok('member:lookup', { query: DEMO.card })).toMatchObject({ user: expect.any(String) })
  })

  it('probes at once when a person presses "send now", not at the end of the open period', async () => {
    await waitFor(reachable, 'the first probe')
    await rig.proxy!.setMode({ kind: 'refuse' })
    expect(
      await rig.ok('sale:submit', { user: DEMO.customer, invoiceNumber: 'BRK-2', totalValue: 30_000 })
    ).toMatchObject({ state: 'queued' })
    await waitFor(async () => !(await reachable()), 'the breaker to open')
    await rig.proxy!.setMode({ kind: 'pass' })
    const pressed = Date.now()
    await rig.ok('outbox:retry-now', {})
    await waitFor(reachable, 'the probe to close the breaker', 3_000)
    await waitFor(() => rig.sandbox.salesCount().get('2|BRK-2') === 1, 'the queued sale to post', 3_000)
    expect(Date.now() - pressed).toBeLessThan(3_000)
  })
})
