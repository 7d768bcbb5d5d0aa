/** Balance credit, debit and cancel-last through the IPC router of the real host, checked in the sandbox db. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../../tests/support/wait-for'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

const USER = DEMO.customer
let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
})
afterEach(async () => {
  await rig.stop()
})

describe('balance desk over IPC', () => {
  it('refuses money channels until the cashier PIN opens a session', async () => {
    expect(await rig.refused('balance:credit', { requestId: 'req-00001', user: USER, amount: 10_000 })).toMatchObject({
      code: 'forbidden',
      fields: [['session', 'cashier']]
    })
    expect(await rig.refused('auth:unlock', { role: 'cashier', pin: '9999' })).toMatchObject({
      code: 'invalid-input',
      fields: [['pin', '4 tries left']]
    })
    expect(rig.sandbox.balanceUpdates()).toBe(0)
  })

  it("credits and debits once per request id, shows Stamps' new balance and prints it", async () => {
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    const req = { requestId: 'credit-0001', user: USER, amount: 50_000 }
    // A double click: two identical requests in flight at once.
    const [a, b] = await Promise.all([rig.ok('balance:credit', req), rig.ok('balance:credit', req)])
    expect(a).toEqual(b)
    expect(a).toMatchObject({ outcome: 'posted', balance: 50_000, reconciled: false })
    expect(rig.sandbox.balanceUpdates()).toBe(1)
    expect(rig.balanceOf(USER)).toBe(50_000)

    const debit = await rig.ok('balance:debit', { requestId: 'debit-0001', user: USER, amount: 12_500 })
    expect(debit).toMatchObject({ outcome: 'posted', direction: 'debit', balance: 37_500 })
    expect(rig.balanceOf(USER)).toBe(37_500)
    // The same id for a different amount is not a double click: refused, nothing moves.
    expect((await rig.refused('balance:debit', { requestId: 'debit-0001', user: USER, amount: 1 })).fields).toEqual([
      ['requestId', 'already used']
    ])

    if (debit.outcome !== 'posted' || debit.slipJobId === null) throw new Error('no slip')
    const slip = await rig.ok('printer:preview', { jobId: debit.slipJobId })
    expect(slip.kind).toBe('balance-slip')
    expect(slip.lines.join('\n')).toMatch(/New balance\s+Rp ?37\.500/)
  })

  it("refuses a debit beyond the balance with Stamps' field error, and moves nothing", async () => {
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    const err = await rig.refused('balance:debit', { requestId: 'debit-0002', user: USER, amount: 1_000 })
    expect(err).toMatchObject({ code: 'validation', fields: [['amount', 'Insufficient balance']] })
    expect(rig.sandbox.balanceUpdates()).toBe(0)
  })

  it('cancels the last update once; a second tap or a stale id is refused', async () => {
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    await rig.ok('balance:credit', { requestId: 'credit-0002', user: USER, amount: 20_000 })
    const second = await rig.ok('balance:credit', { requestId: 'credit-0003', user: USER, amount: 5_000 })
    if (second.outcome !== 'posted' || second.balanceUpdateId === null) throw new Error('not posted')
    const { last } = await rig.ok('balance:last', {})
    expect(last).toMatchObject({ balanceUpdateId: second.balanceUpdateId, amount: 5_000, cancelable: true })
    expect((await rig.refused('balance:cancel-last', { balanceUpdateId: second.balanceUpdateId - 1 })).code).toBe(
      'invalid-input'
    )

    const [one, two] = await Promise.all([
      rig.call('balance:cancel-last', { balanceUpdateId: second.balanceUpdateId }),
      rig.call('balance:cancel-last', { balanceUpdateId: second.balanceUpdateId })
    ])
    expect([one.ok, two.ok].sort()).toEqual([false, true])
    const done = one.ok ? one.data : two.ok ? two.data : null
    expect(done).toMatchObject({ balanceUpdateId: second.balanceUpdateId, balance: 20_000 })
    expect(rig.balanceOf(USER)).toBe(20_000)
    expect((await rig.refused('balance:cancel-last', { balanceUpdateId: second.balanceUpdateId })).code).toBe(
      'not-found'
    )
    expect(await rig.ok('balance:last', {})).toEqual({ last: null })
    await waitFor(
      async () => (await rig.ok('printer:jobs', {})).jobs.filter((j) => j.kind === 'balance-slip').length === 3,
      'three slips'
    )
  })
})
