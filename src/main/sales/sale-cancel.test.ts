/** Sale cancel through the host's IPC router: the stamps to take back first, then one cancel. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

const USER = DEMO.customer
let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
  await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
})
afterEach(async () => {
  await rig.stop()
})

const sell = (invoiceNumber: string, totalValue: number) =>
  rig.ok('sale:submit', { user: USER, invoiceNumber, totalValue })

describe('sale cancel over IPC', () => {
  it('previews by invoice from the queue record, cancels once and gives the stamps back', async () => {
    await sell('CAN-1', 30_000)
    await sell('CAN-2', 50_000)
    const preview = await rig.ok('sale:cancel-preview', { invoiceNumber: 'CAN-2' })
    expect(preview).toMatchObject({
      invoiceNumber: 'CAN-2',
      user: USER,
      stampsToTakeBack: 5,
      stampsNow: 8,
      enoughStamps: true,
      alreadyCanceled: false,
      value: 50_000
    })
    // Double tap on confirm: one cancel upstream, both taps get its answer.
    const [a, b] = await Promise.all([
      rig.ok('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date }),
      rig.ok('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date })
    ])
    expect(a).toEqual(b)
    expect(a).toMatchObject({ transactionId: preview.transactionId, stampsTakenBack: 5, stampsRemaining: 3 })
    expect(rig.stampsOf(USER)).toBe(3)
    expect(await rig.ok('sale:cancel-preview', { invoiceNumber: 'CAN-2', user: USER })).toMatchObject({
      alreadyCanceled: true,
      stampsToTakeBack: 5
    })
    expect(
      await rig.refused('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date })
    ).toMatchObject({
      code: 'validation',
      message: 'This sale was canceled already.'
    })
  })

  it("shows when the member spent the stamps, and explains Stamps' insufficient-stamps refusal", async () => {
    const sale = await sell('CAN-3', 40_000)
    expect(sale.stampsEarned).toBe(4)
    // The member redeemed stamps elsewhere since the sale.
    rig.sandbox.db
      .prepare('UPDATE memberships SET stamps = 1 WHERE user_id = (SELECT id FROM users WHERE email = ?)')
      .run(USER)
    const preview = await rig.ok('sale:cancel-preview', { invoiceNumber: 'CAN-3' })
    expect(preview).toMatchObject({ stampsToTakeBack: 4, stampsNow: 1, enoughStamps: false })
    const err = await rig.refused('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date })
    expect(err.code).toBe('validation')
    expect(err.message).toMatch(/already spent/)
    expect(err.fields).toEqual([['info', "Transaction can't be canceled due to insufficient Stamps"]])
    expect(rig.stampsOf(USER)).toBe(1)
  })

  it('asks whose sale it is when this till did not post it, and refuses without a session', async () => {
    expect(await rig.refused('sale:cancel-preview', { invoiceNumber: 'ELSEWHERE-1' })).toMatchObject({
      code: 'invalid-input',
      fields: [['user', 'required']]
    })
    expect((await rig.refused('sale:cancel-preview', {} as never)).code).toBe('invalid-input')
    await rig.ok('auth:lock', {})
    expect(await rig.refused('sale:cancel', { invoiceNumber: 'CAN-1', date: '2024-01-01' })).toMatchObject({
      code: 'forbidden'
    })
  })
})
