/**
 * Today's sales through the host's IPC router over a real sandbox behind the fault proxy: each
 * sale's state from the outbox file, a cancel from the list, a reprint marked as a copy and the
 * shift summary slip, both read back from the bytes the TCP printer emulator received.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PrinterEmulator } from '../printer/printer-emulator'
import { decodeEscPos, previewLines } from '../../shared/receipt'
import { localDay } from '../../shared/local-day'
import { DEMO_KEYS } from '../../shared/stamps/demo'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { waitFor } from '../../../tests/support/wait-for'

let rig: DeskRig
let printer: PrinterEmulator
beforeEach(async () => {
  printer = new PrinterEmulator({ port: 0, columns: 32 })
  await printer.start()
  rig = await startDeskRig({ faults: true, settings: { printer: printer.url } })
})
afterEach(async () => {
  await rig.stop()
  await printer.stop()
})

/** The text of the emulator's job that contains `needle`, once it has arrived. */
async function paperWith(needle: string): Promise<string> {
  let found = ''
  await waitFor(() => {
    const texts = printer.jobs.map((j) => previewLines(decodeEscPos(j.bytes).items, 32).join('\n'))
    found = texts.findLast((t) => t.includes(needle)) ?? ''
    return found !== ''
  }, `a printed job with "${needle}"`)
  return found
}

const sell = (invoiceNumber: string, totalValue: number, user: string = DEMO.customer) =>
  rig.ok('sale:submit', { user, invoiceNumber, totalValue })

describe("today's sales over IPC", () => {
  it('needs the cashier session', async () => {
    expect(await rig.refused('sale:today', {})).toMatchObject({ code: 'forbidden' })
    expect(await rig.refused('sale:print-shift-summary', {})).toMatchObject({ code: 'forbidden' })
  })

  it('lists posted, pending, refused and cancelled sales with totals; cancels and reprints from the list', async () => {
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    expect(await rig.ok('sale:today', {})).toMatchObject({ sales: [], totals: { takings: { count: 0, value: 0 } } })

    const a = await sell('TOD-A', 50_000)
    const b = await sell('TOD-B', 30_000, DEMO.second)
    expect([a.state, b.state]).toEqual(['posted', 'posted'])
    // Stamps refuses an unknown member: the sale is refused and waits for a person.
    await expect(sell('TOD-C', 20_000, 'nobody-at-all@example.com')).rejects.toThrow(/validation|not-found/)
    // Cancel from the list: the row names the invoice, preview and cancel need nothing typed.
    const before = await rig.ok('sale:today', {})
    const rowA = before.sales.find((s) => s.invoiceNumber === 'TOD-A')!
    const preview = await rig.ok('sale:cancel-preview', { invoiceNumber: rowA.invoiceNumber, user: rowA.user })
    await rig.ok('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date })
    await rig.proxy!.setMode({ kind: 'refuse' })
    const d = await sell('TOD-D', 10_000)
    expect(d.state).toBe('queued')

    const list = await rig.ok('sale:today', {})
    expect(list.date).toBe(localDay(Date.now()))
    expect(list.store).toBe(2)
    expect(list.sales.map((s) => [s.invoiceNumber, s.state, s.total, s.stamps])).toEqual([
      ['TOD-D', 'pending', 10_000, null],
      ['TOD-C', 'refused', 20_000, null],
      ['TOD-B', 'posted', 30_000, b.stampsEarned],
      ['TOD-A', 'cancelled', 50_000, a.stampsEarned]
    ])
    expect(list.sales[3]!.user).toBe(DEMO.customer)
    expect(list.totals.byState).toMatchObject({
      posted: { count: 1, value: 30_000 },
      pending: { count: 1, value: 10_000 },
      refused: { count: 1, value: 20_000 },
      cancelled: { count: 1, value: 50_000 }
    })
    expect(list.totals.takings).toEqual({ count: 2, value: 40_000 })
    expect(list.totals.stamps).toBe(b.stampsEarned)
    // The sandbox's own record agrees: A is cancelled there, D never arrived.
    expect(rig.sandbox.salesCount().get('2|TOD-D')).toBeUndefined()

    // A reprint says "copy" and is otherwise the receipt printed first.
    const first = await paperWith('TOD-B')
    const copy = await rig.ok('sale:reprint-receipt', { invoiceNumber: 'TOD-B' })
    expect(copy.reprintOf).toBe(b.receiptJobId)
    const copied = await paperWith('*** COPY ***')
    expect(copied).toContain('TOD-B')
    expect(copied.replace(/^.*\*\*\* COPY \*\*\*.*\n/, '')).toBe(first)

    // The shift summary slip: the day's figures, as the printer received them.
    await rig.ok('sale:print-shift-summary', {})
    const slip = await paperWith('SHIFT SUMMARY')
    expect(slip).toMatch(/1x Posted\s+Rp30\.000/)
    expect(slip).toMatch(/1x Pending\s+Rp10\.000/)
    expect(slip).toMatch(/1x Refused\s+Rp20\.000/)
    expect(slip).toMatch(/1x Cancelled\s+Rp50\.000/)
    expect(slip).toMatch(/2x SALES\s+Rp40\.000/)
    expect(slip).toMatch(new RegExp(`Stamps issued\\s+${b.stampsEarned}`))
  })
})

describe("today's sales and the bridge", () => {
  it('shows a sale the POS cancelled through the bridge as cancelled', async () => {
    const embedded = await startDeskRig({ settings: { upstream: null } })
    try {
      await embedded.ok('auth:unlock', { role: 'cashier', pin: '1111' })
      await embedded.ok('sale:submit', { user: DEMO.customer, invoiceNumber: 'POS-X', totalValue: 20_000 })
      const { date } = await embedded.ok('sale:today', {})
      const res = await fetch(`${embedded.host.bridgeUrl}/api/v2/transactions/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: DEMO_KEYS.coffee, invoice_number: 'POS-X', date })
      })
      expect(res.status).toBe(200)
      const list = await embedded.ok('sale:today', {})
      expect(list.sales.map((x) => [x.invoiceNumber, x.state])).toEqual([['POS-X', 'cancelled']])
      expect(list.totals.takings).toEqual({ count: 0, value: 0 })
    } finally {
      await embedded.stop()
    }
  })
})
