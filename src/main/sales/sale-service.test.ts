import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'
import { waitFor } from '../../../tests/support/wait-for'
import { SaleService } from './sale-service'

const sale = (invoice: string) => ({
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: invoice,
  total_value: 30_000
})

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

describe('owed receipts', () => {
  it("prints a receipt owed from before a stop exactly once, with Stamps' figures", async () => {
    // What a crash between answering the POS and queueing the print job leaves behind.
    const { item } = rig.outbox.enqueue(sale('owed-1'), { receiptOwed: true })
    await waitFor(() => rig.outbox.get(item.id)?.state === 'posted', 'sale posted')
    expect(rig.outbox.receiptsOwed().map((i) => i.id)).toEqual([item.id])

    expect(await rig.sales.issueOwedReceipts(Date.now() + 1)).toBe(1)
    const receipts = rig.printer.jobs().filter((j) => j.kind === 'receipt')
    expect(receipts).toHaveLength(1)
    await rig.printer.whenSettled(receipts[0]!.id)
    const text = rig.printer
      .preview(receipts[0]!.id)!
      .lines.map((l) => l.text)
      .join('\n')
    expect(text).toMatch(/owed-1/)
    expect(text).toMatch(/\+3/)
    expect(rig.outbox.receiptsOwed()).toEqual([])
    expect(await rig.sales.issueOwedReceipts(Date.now() + 1)).toBe(0)
    expect(rig.printer.jobs().filter((j) => j.kind === 'receipt')).toHaveLength(1)
  })

  it('does not print again when the job was queued but not yet marked', async () => {
    const { item } = rig.outbox.enqueue(sale('owed-2'), { receiptOwed: true })
    rig.printer.printReceipt({
      merchant_name: 'Demo Coffee',
      invoice_number: 'owed-2',
      created: new Date(),
      total_value: 30_000,
      pending: true
    })
    expect(await rig.sales.issueOwedReceipts(Date.now() + 1)).toBe(1)
    expect(rig.printer.jobs().filter((j) => j.kind === 'receipt')).toHaveLength(1)
    expect(rig.outbox.get(item.id)?.receipt).toBe('issued')
  })

  it("prints the owed receipt of a sale whose invoice number an earlier day's sale also used", async () => {
    // Invoice numbers are unique per store per day only: a POS that restarts its numbering daily
    // reuses them. Yesterday's receipt for 'owed-5' is not today's.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    rig.printer.printReceipt({
      merchant_name: 'Demo Coffee',
      invoice_number: 'owed-5',
      created: new Date(yesterday),
      total_value: 10_000,
      pending: false
    })
    await new Promise((r) => setTimeout(r, 5))
    const { item } = rig.outbox.enqueue(sale('owed-5'), { receiptOwed: true })
    expect(await rig.sales.issueOwedReceipts(Date.now() + 1)).toBe(1)
    const receipts = rig.printer.jobs().filter((j) => j.kind === 'receipt' && j.label === 'owed-5')
    expect(receipts).toHaveLength(2)
    expect(rig.outbox.get(item.id)?.receipt).toBe('issued')
  })

  it('prints one receipt when a refused sale from before a stop is sent again while owed receipts print', async () => {
    const slow = new SaleService({
      outbox: rig.outbox,
      printer: rig.printer,
      memberFigures: () => new Promise((r) => setTimeout(() => r({ level: null, balance: null }), 100)),
      receiptContext: () => ({ merchantName: 'Demo Coffee' })
    })
    const refused = await slow.submit({ ...sale('owed-6'), user: 'nobody@example.com' }, 2_000)
    expect(refused.state).toBe('failed')
    // The till restarts; the POS sends the corrected sale while the owed receipts are printed.
    const fixed = slow.submit({ ...sale('owed-6'), user: DEMO.customer }, 2_000)
    const owed = slow.issueOwedReceipts(Date.now() + 1)
    expect((await fixed).state).toBe('posted')
    await owed
    expect(rig.printer.jobs().filter((j) => j.kind === 'receipt' && j.label === 'owed-6')).toHaveLength(1)
  })

  it('leaves receipts of sales made after this start to their own print', async () => {
    const before = Date.now() - 1
    rig.outbox.enqueue(sale('owed-3'), { receiptOwed: true })
    expect(await rig.sales.issueOwedReceipts(before)).toBe(0)
    expect(rig.printer.jobs()).toHaveLength(0)
  })
})
