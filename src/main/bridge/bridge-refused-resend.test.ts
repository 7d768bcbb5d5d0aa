/** A sale Stamps refused holds nothing upstream: the POS sending that invoice again, corrected, is posted. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

it('sends a corrected resend of a refused invoice instead of answering the old refusal forever', async () => {
  const sale = { store: 2, invoice_number: 'ref-1', total_value: 30_000 }
  const refused = await rig.post('/api/transactions/add', { ...sale, user: 'nobody@example.com' })
  expect(refused.status).toBe(400)
  expect(rig.outbox.list({ state: 'failed' })).toHaveLength(1)

  const fixed = await rig.post('/api/transactions/add', { ...sale, user: DEMO.customer })
  expect(fixed.status).toBe(200)
  expect(await fixed.json()).toMatchObject({ transaction: { stamps_earned: 3 } })
  expect(rig.sandbox.salesCount().get('2|ref-1')).toBe(1)
  expect(rig.outbox.list()).toHaveLength(1)
  expect(rig.outbox.list()[0]).toMatchObject({ state: 'posted', sale: { user: DEMO.customer } })

  // The same sale once more is the posted one, not a second sale.
  const again = await rig.post('/api/transactions/add', { ...sale, user: DEMO.customer })
  expect(again.status).toBe(200)
  expect(rig.sandbox.salesCount().get('2|ref-1')).toBe(1)
})
