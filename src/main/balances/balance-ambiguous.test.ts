/** Ambiguous credits through the fault proxy: reconciled or "unknown", never sent twice, never doubled. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../../tests/support/wait-for'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

const USER = DEMO.customer
const creditPosts = (rig: DeskRig): number => rig.sandbox.balanceUpdates()
let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig({ faults: true })
  await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
})
afterEach(async () => {
  await rig.stop()
})

describe('ambiguous balance updates', () => {
  it('a credit whose answer is lost after Stamps committed reconciles to posted, once', async () => {
    await rig.proxy!.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const out = await rig.ok('balance:credit', { requestId: 'amb-credit-1', user: USER, amount: 10_000 })
    expect(out).toMatchObject({ outcome: 'posted', reconciled: true, balanceUpdateId: null, balance: 10_000 })
    expect(creditPosts(rig)).toBe(1)
    expect(rig.balanceOf(USER)).toBe(10_000)
    // Confirmed from history only: no id to cancel by, and the screen is told so.
    expect((await rig.ok('balance:last', {})).last).toMatchObject({
      cancelable: false,
      transactionNumber: expect.any(String)
    })
  })

  it('says unknown when the history cannot be read, then reconciles on request without resending', async () => {
    await rig.proxy!.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const pending = rig.ok('balance:credit', { requestId: 'amb-credit-2', user: USER, amount: 15_000 })
    // Stamps committed; cut the link before the reconciler reads the history.
    await waitFor(() => creditPosts(rig) === 1, 'the credit to land upstream')
    await rig.proxy!.setMode({ kind: 'refuse' })
    const out = await pending
    expect(out).toMatchObject({ outcome: 'unknown', amount: 15_000 })
    if (out.outcome !== 'unknown') throw new Error('expected unknown')
    expect((await rig.ok('balance:unknowns', {})).items).toEqual([out])
    // A repeat of the same confirm (double tap, retried IPC) is the same answer, not a new credit.
    expect(await rig.ok('balance:credit', { requestId: 'amb-credit-2', user: USER, amount: 15_000 })).toEqual(out)

    // The unknown outlives a restart of the app: "check again" still works afterwards.
    await rig.restart()
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    expect((await rig.ok('balance:unknowns', {})).items).toEqual([out])
    await rig.proxy!.setMode({ kind: 'pass' })
    const settled = await rig.ok('balance:reconcile', { ticketId: out.ticketId })
    expect(settled).toMatchObject({ outcome: 'posted', reconciled: true, balance: 15_000 })
    expect(creditPosts(rig)).toBe(1)
    expect(rig.balanceOf(USER)).toBe(15_000)
    expect((await rig.ok('balance:unknowns', {})).items).toEqual([])
    expect((await rig.refused('balance:reconcile', { ticketId: out.ticketId })).code).toBe('not-found')
  })

  it('a credit reset before it reached Stamps is refused as not made, and nothing moved', async () => {
    await rig.proxy!.setMode({ kind: 'reset-before-request', methods: ['POST'] })
    const err = await rig.refused('balance:credit', { requestId: 'amb-credit-3', user: USER, amount: 10_000 })
    expect(err.code).toBe('unreachable')
    expect(creditPosts(rig)).toBe(0)
    expect(rig.balanceOf(USER)).toBe(0)
  })
})
