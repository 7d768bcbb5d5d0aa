/** The bridge shares the wire schemas: it refuses what Stamps (DRF) refuses before queueing anything. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { ERROR_TEXT, TRANSACTION_ERROR_DETAIL } from '../../shared/stamps'

const sale = (patch: Record<string, unknown>) => ({
  user_email: 'customer@stamps.co.id',
  store: 2,
  invoice_number: 'BR-1',
  total_value: 50000,
  items: [{ product_name: 'Cappucino', quantity: 2, price: 10000 }],
  ...patch
})

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

describe('receipt bridge parses as strictly as Stamps', () => {
  it('refuses hex numbers, NUL bytes and impossible dates with DRF messages, queueing nothing', async () => {
    const res = await rig.post(
      '/api/transactions/add',
      sale({
        invoice_number: 'BR\u0000-1',
        total_value: '0x10',
        items: [{ product_name: 'Cappucino', quantity: '0x2', price: 10000 }],
        created: '2024-05-01T10:00:00-99:99'
      })
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      detail: TRANSACTION_ERROR_DETAIL,
      errors: [
        { invoice_number: 'Null characters are not allowed.' },
        { total_value: 'A valid number is required.' },
        { quantity: 'A valid integer is required.' },
        { created: ERROR_TEXT.badDatetime }
      ]
    })
    expect(rig.outbox.list()).toHaveLength(0)
    expect(rig.sandbox.salesCount().size).toBe(0)
  })

  it('takes what DRF takes and forwards the numbers it means: " 2 ", "5e4", "2.0"', async () => {
    const res = await rig.post(
      '/api/transactions/add',
      sale({ store: ' 2 ', total_value: '5e4', items: [{ product_name: 'Cappucino', quantity: '2.0', price: 10000 }] })
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ transaction: { stamps_earned: 5, value: 50000 } })
    expect(rig.sandbox.salesCount().get('2|BR-1')).toBe(1)
  })
})
