/** Reprint by invoice when an earlier day's sale used the same invoice number. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'
import { waitFor } from '../../../tests/support/wait-for'
import type { LivePrinter } from '../printer/live-printer'
import { SaleReceipts } from './sale-receipts'

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

it("prints today's sale, not a copy of yesterday's receipt with the same invoice number", async () => {
  const receipts = new SaleReceipts({
    printer: rig.printer as unknown as LivePrinter,
    outbox: rig.outbox,
    store: 2,
    memberFigures: async () => ({ level: null, balance: null }),
    receiptContext: () => ({ merchantName: 'Demo Coffee' })
  })
  // Yesterday's sale RD-1 (another customer, Rp 10,000) printed its receipt.
  const yesterday = rig.printer.printReceipt({
    merchant_name: 'Demo Coffee',
    invoice_number: 'RD-1',
    created: new Date(Date.now() - 86_400_000),
    total_value: 10_000,
    pending: false
  })
  await new Promise((r) => setTimeout(r, 5))
  // Today's RD-1 was posted with the printer off: no receipt job of its own.
  const { item } = rig.outbox.enqueue({ user: DEMO.customer, store: 2, invoice_number: 'RD-1', total_value: 30_000 })
  await waitFor(() => rig.outbox.get(item.id)?.state === 'posted', "today's sale posted")

  const job = await receipts.reprintInvoice('RD-1')
  expect(job.reprintOf).not.toBe(yesterday.id)
  expect(job.id).not.toBe(yesterday.id)
  await rig.printer.whenSettled(job.id)
  expect(
    rig.printer
      .preview(job.id)!
      .lines.map((l) => l.text)
      .join('\n')
  ).toMatch(/30[.,]000/)
})
