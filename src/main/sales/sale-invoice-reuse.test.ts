/** The cashier desk reusing an invoice number: the same sale is already-posted, another is refused on the invoice field. */
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

const sale = (invoiceNumber: string) => ({
  user: DEMO.customer,
  invoiceNumber,
  items: [{ product_name: 'Kopi Susu', quantity: 2, price: 25_000 }],
  tax: 5_000,
  totalValue: 55_000
})

const receiptJobs = async () => (await rig.ok('printer:jobs', {})).jobs.filter((j) => j.kind === 'receipt').length

const INVOICE_TAKEN = {
  code: 'validation',
  fields: [['invoiceNumber', 'Transaction with this invoice number already exists']]
}

describe('an invoice number reused at the desk', () => {
  it('answers the same sale already-posted and refuses another member, total or items, printing nothing', async () => {
    const first = await rig.ok('sale:submit', sale('DR-1'))
    expect(first).toMatchObject({ state: 'posted', stampsEarned: 5 })
    await waitFor(async () => (await receiptJobs()) === 1, 'the receipt')

    expect(await rig.ok('sale:submit', sale('DR-1'))).toMatchObject({
      state: 'already-posted',
      stampsEarned: 5,
      previousReceiptJobId: first.receiptJobId
    })
    for (const other of [
      { ...sale('DR-1'), user: DEMO.second },
      { ...sale('DR-1'), tax: 15_000, totalValue: 65_000 },
      { ...sale('DR-1'), items: [{ product_name: 'Kopi Susu', quantity: 1, price: 50_000 }] }
    ]) {
      const refusal = await rig.refused('sale:submit', other)
      expect(refusal).toMatchObject(INVOICE_TAKEN)
      expect(JSON.stringify(refusal)).not.toMatch(/stamps_?earned|"id"/i)
    }
    const queue = (await rig.ok('outbox:list', {})).items
    expect(queue).toHaveLength(1)
    expect(rig.sandbox.salesCount().get('2|DR-1')).toBe(1)
    await new Promise((r) => setTimeout(r, 100))
    expect(await receiptJobs()).toBe(1)
  })

  it('answers the same sale still queued offline "queued" again, and refuses another', async () => {
    await rig.proxy!.setMode({ kind: 'refuse' })
    expect(await rig.ok('sale:submit', sale('DR-2'))).toMatchObject({ state: 'queued' })
    expect(await rig.ok('sale:submit', sale('DR-2'))).toMatchObject({ state: 'queued', receiptJobId: null })
    expect(await rig.refused('sale:submit', { ...sale('DR-2'), user: DEMO.second })).toMatchObject(INVOICE_TAKEN)
    expect((await rig.ok('outbox:list', {})).items).toHaveLength(1)
    expect(await receiptJobs()).toBe(1)
  })
})
