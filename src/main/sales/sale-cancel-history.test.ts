/**
 * Cancelling sales this till did not post, through the host's IPC router: found in the member's
 * history by invoice number and day, whatever the activity's display name says.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

const USER = DEMO.customer
let rig: DeskRig
afterEach(async () => {
  await rig.stop()
})

async function start(opts: { faults?: boolean } = {}): Promise<void> {
  rig = await startDeskRig(opts)
  await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
}

/** A sale posted straight to Stamps, as another till would. */
async function postedElsewhere(invoice: string, total: number, created: string, store = 3): Promise<number> {
  const r = await fetch(`${rig.sandbox.url}/api/transactions/add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${DEMO.key}` },
    body: JSON.stringify({ user: USER, store, invoice_number: invoice, total_value: total, created })
  })
  expect(r.status).toBe(200)
  return ((await r.json()) as { transaction: { id: number } }).transaction.id
}
const rename = (transactionId: number, name: string): void =>
  void rig.sandbox.db
    .prepare(
      `UPDATE activities SET payload = json_set(payload, '$.transaction.name', ?)
      WHERE id = (SELECT activity_id FROM transactions WHERE id = ?)`
    )
    .run(name, transactionId)
const statusOf = (id: number): number =>
  rig.sandbox.db.prepare('SELECT status FROM transactions WHERE id = ?').pluck().get(id) as number

describe('sale cancel of a sale from the history', () => {
  it('cancels the sale named by invoice and day, whatever its activity name says', async () => {
    await start()
    // 00:30 in Jakarta on 1 March is 29 February in UTC: the day is the store's
    const a = await postedElsewhere('ELSE-A', 30_000, '2024-03-01T00:30:00+07:00')
    const b = await postedElsewhere('ELSE-B', 20_000, '2024-03-02T12:00:00+07:00')
    rename(a, 'Purchase') // no "#id" at all
    rename(b, `Transaction #${a}`) // points at the other sale
    const before = rig.stampsOf(USER)

    const previewB = await rig.ok('sale:cancel-preview', { invoiceNumber: 'ELSE-B', user: USER })
    expect(previewB).toMatchObject({
      invoiceNumber: 'ELSE-B',
      date: '2024-03-02',
      transactionId: null,
      stampsToTakeBack: 2,
      alreadyCanceled: false
    })
    const doneB = await rig.ok('sale:cancel', { invoiceNumber: previewB.invoiceNumber, date: previewB.date })
    expect(doneB).toMatchObject({ transactionId: b, stampsTakenBack: 2, stampsRemaining: before - 2 })
    expect([statusOf(a), statusOf(b)]).toEqual([1, 2])

    const previewA = await rig.ok('sale:cancel-preview', { invoiceNumber: 'ELSE-A', user: USER })
    expect(previewA).toMatchObject({ date: '2024-03-01', stampsToTakeBack: 3, alreadyCanceled: false })
    const doneA = await rig.ok('sale:cancel', { invoiceNumber: 'ELSE-A', date: previewA.date })
    expect(doneA).toMatchObject({ transactionId: a, stampsTakenBack: 3, level: 'Blue' })
    expect([statusOf(a), statusOf(b), rig.stampsOf(USER)]).toEqual([2, 2, before - 5])
    expect(await rig.ok('sale:cancel-preview', { invoiceNumber: 'ELSE-A', user: USER })).toMatchObject({
      alreadyCanceled: true
    })
  })

  it("explains Stamps' refusal when two stores hold the invoice that day, and cancels neither", async () => {
    await start()
    const created = '2024-04-01T10:00:00+07:00'
    const a = await postedElsewhere('TWIN-9', 10_000, created, 2)
    const b = await postedElsewhere('TWIN-9', 20_000, created, 3)
    const preview = await rig.ok('sale:cancel-preview', { invoiceNumber: 'TWIN-9', user: USER })
    const err = await rig.refused('sale:cancel', { invoiceNumber: 'TWIN-9', date: preview.date })
    expect(err).toMatchObject({ code: 'validation', message: 'Stamps refused to cancel this sale.' })
    expect(err.fields).toEqual([['invoice_number', expect.stringMatching(/more than one store/i)]])
    expect([statusOf(a), statusOf(b)]).toEqual([1, 1])
  })

  it('says the outcome is unknown when the answer is lost, and sent the cancel only once', async () => {
    await start({ faults: true })
    const id = await postedElsewhere('LOST-1', 40_000, '2024-05-01T10:00:00+07:00')
    const before = rig.stampsOf(USER)
    const preview = await rig.ok('sale:cancel-preview', { invoiceNumber: 'LOST-1', user: USER })
    await rig.proxy!.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const err = await rig.refused('sale:cancel', { invoiceNumber: 'LOST-1', date: preview.date })
    await rig.proxy!.setMode({ kind: 'pass' })
    expect(err).toMatchObject({
      code: 'ambiguous',
      message: 'Unknown whether the sale was canceled: check the history before trying again.'
    })
    expect([statusOf(id), rig.stampsOf(USER)]).toEqual([2, before - 4])
  })
})
