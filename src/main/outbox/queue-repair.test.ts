/** Queue view repairs through the host's IPC router: a failed sale fixed, resent and posted once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../../tests/support/wait-for'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
})
afterEach(async () => {
  await rig.stop()
})

const itemOf = async (invoice: string) =>
  (await rig.ok('outbox:list', {})).items.find((i) => i.invoiceNumber === invoice)

describe('outbox repair over IPC', () => {
  it('resends a failed sale with corrected fields: validated first, then posted exactly once', async () => {
    const sale = {
      user: 'nobody@example.com',
      invoiceNumber: 'FIX-1',
      items: [{ product_name: 'Kopi', quantity: 2, price: 15_000 }],
      totalValue: 30_000
    }
    expect(await rig.refused('sale:submit', sale)).toMatchObject({
      code: 'validation',
      fields: [['user', 'User not found']]
    })
    const failed = await itemOf('FIX-1')
    expect(failed).toMatchObject({
      state: 'failed',
      fieldErrors: [['user', 'User not found']],
      sale: { items: sale.items, discount: 0 }
    })

    expect(await rig.refused('outbox:resend', { id: failed!.id, fix: { user: DEMO.customer } })).toMatchObject({
      code: 'forbidden'
    })
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    // Figures that do not add up are refused by field, and the sale stays failed.
    const bad = await rig.refused('outbox:resend', { id: failed!.id, fix: { user: DEMO.customer, totalValue: 31_000 } })
    expect(bad).toMatchObject({ code: 'invalid-input', fields: [['totalValue', expect.stringContaining('30000')]] })
    expect((await itemOf('FIX-1'))?.state).toBe('failed')
    expect((await rig.refused('outbox:resend', { id: failed!.id, fix: { user: '' } } as never)).fields?.[0]?.[0]).toBe(
      'fix.user'
    )

    const resent = await rig.ok('outbox:resend', { id: failed!.id, fix: { user: DEMO.customer } })
    expect(resent).toMatchObject({ id: failed!.id, user: DEMO.customer, fieldErrors: [] })
    await waitFor(async () => (await itemOf('FIX-1'))?.state === 'posted', 'the fixed sale to post')
    expect(rig.sandbox.salesCount().get('2|FIX-1')).toBe(1)
    // Posted now: resending again is refused, and the queue never holds a second copy.
    expect((await rig.refused('outbox:resend', { id: failed!.id, fix: {} })).code).toBe('invalid-input')
    expect((await rig.ok('outbox:list', {})).items.filter((i) => i.invoiceNumber === 'FIX-1')).toHaveLength(1)
    expect(
      rig.events.some((e) => e.event === 'outbox:changed' && (e.payload as { state: string }).state === 'posted')
    ).toBe(true)
  })

  it('discards only with a cashier session, and retry-now answers at once', async () => {
    expect(
      await rig.refused('sale:submit', { user: 'nobody@example.com', invoiceNumber: 'FIX-2', totalValue: 10_000 })
    ).toMatchObject({ code: 'validation' })
    const failed = await itemOf('FIX-2')
    expect((await rig.refused('outbox:discard', { id: failed!.id })).code).toBe('forbidden')
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    await rig.ok('outbox:discard', { id: failed!.id })
    expect((await itemOf('FIX-2'))?.state).toBe('discarded')
    expect(await rig.ok('outbox:retry-now', {})).toEqual({ ok: true })
  })
})
