/** Receipt preview and reprint by invoice through the host's IPC router, against the printed bytes. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../../tests/support/wait-for'
import { decodeEscPos, previewLines } from '../../shared/receipt'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig({ faults: true })
})
afterEach(async () => {
  await rig.stop()
})

const printed = (id: number) =>
  waitFor(
    async () => (await rig.ok('printer:jobs', {})).jobs.some((j) => j.id === id && j.state === 'printed'),
    `job ${id} printed`
  )
/** What the (file) printer received for a job, decoded independently of the preview channel. */
const paper = (id: number) =>
  previewLines(decodeEscPos(new Uint8Array(readFileSync(join(rig.dataDir, 'receipts', `${id}.bin`)))).items, 32)

describe('sale receipts over IPC', () => {
  it('previews exactly the printed bytes; a repeat submit is already-posted and offers that receipt', async () => {
    const sale = {
      user: DEMO.customer,
      invoiceNumber: 'RCP-1',
      items: [{ product_name: 'Kopi Susu', quantity: 2, price: 25_000 }],
      totalValue: 50_000
    }
    const first = await rig.ok('sale:submit', sale)
    expect(first).toMatchObject({ state: 'posted', stampsEarned: 5 })
    await printed(first.receiptJobId!)
    const preview = await rig.ok('printer:preview', { jobId: first.receiptJobId! })
    expect(preview.lines).toEqual(paper(first.receiptJobId!))
    expect(preview.lines.join('\n')).toContain('RCP-1')
    expect(preview.lines.join('\n')).toMatch(/Stamps earned\s+\+5/)

    const again = await rig.ok('sale:submit', sale)
    expect(again).toMatchObject({
      state: 'already-posted',
      receiptJobId: null,
      previousReceiptJobId: first.receiptJobId
    })
    const copy = await rig.ok('sale:reprint-receipt', { invoiceNumber: 'RCP-1' })
    expect(copy).toMatchObject({ kind: 'receipt', reprintOf: first.receiptJobId })
    await printed(copy.id)
    // A reprint says it is a copy, and is otherwise the receipt printed first.
    expect(paper(copy.id)).toEqual([expect.stringMatching(/^\s*\*\*\* COPY \*\*\*\s*$/), ...paper(first.receiptJobId!)])
    expect(rig.sandbox.salesCount().get('2|RCP-1')).toBe(1)
    expect(await rig.refused('sale:reprint-receipt', { invoiceNumber: 'NEVER-SOLD' })).toMatchObject({
      code: 'not-found'
    })
    expect(await rig.refused('printer:preview', { jobId: 9999 })).toMatchObject({ code: 'not-found' })
  })

  it('an offline sale prints "stamps pending"; once posted, reprint by invoice prints Stamps\' figures', async () => {
    await rig.proxy!.setMode({ kind: 'refuse' })
    const queued = await rig.ok('sale:submit', { user: DEMO.customer, invoiceNumber: 'RCP-2', totalValue: 30_000 })
    expect(queued).toMatchObject({ state: 'queued', stampsEarned: null })
    await printed(queued.receiptJobId!)
    expect(paper(queued.receiptJobId!).join('\n')).toMatch(/Stamps pending/)
    expect((await rig.ok('status:get', {})).queue.pending).toBe(1)

    await rig.proxy!.setMode({ kind: 'pass' })
    await rig.ok('outbox:retry-now', {})
    await waitFor(
      async () =>
        (await rig.ok('outbox:list', {})).items.some((i) => i.invoiceNumber === 'RCP-2' && i.state === 'posted'),
      'the queued sale to post',
      15_000
    )
    const fresh = await rig.ok('sale:reprint-receipt', { invoiceNumber: 'RCP-2' })
    expect(fresh.reprintOf).toBeNull()
    await printed(fresh.id)
    const lines = paper(fresh.id).join('\n')
    expect(lines).toMatch(/Stamps earned\s+\+3/)
    expect(lines).not.toMatch(/Stamps pending/)
    expect(rig.sandbox.salesCount().get('2|RCP-2')).toBe(1)
  })
})
