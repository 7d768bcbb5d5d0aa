/**
 * The real host (`npm run serve`) with its data directory on a small disk (a tmpfs) that fills
 * up: a sale that cannot be written is refused with 507 and nothing of it is kept, the host stays
 * up through its timed checkpoints and print queue, the log says "disk full", and once space
 * returns the same sale is taken and the log says the outbox writes again.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS } from '../../src/shared/stamps/demo'
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/small-disk'
import { waitFor } from '../support/wait-for'
import { startHostChild, type HostChild } from './host-child'

const disk: SmallDisk | null = mountSmallDisk(24 * 1024 * 1024)
if (!disk) console.warn(`disk-full host test skipped: ${smallDiskUnavailable}`)

const sale = (invoice: string) => ({
  token: DEMO_KEYS.coffee,
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: invoice,
  total_value: 50000
})

describe.skipIf(!disk)('the host on a full disk', () => {
  let host: HostChild
  const dataDir = disk ? join(disk.dir, 'data') : ''
  const post = (body: unknown) =>
    fetch(`${host.bridgeUrl}/api/transactions/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })

  beforeAll(async () => {
    host = await startHostChild(['--data-dir', dataDir, '--bridge-port', '0', '--ui-port', '0'])
  }, 30_000)
  afterAll(async () => {
    await host?.stop()
    disk?.remove()
  })

  it('refuses the sale it cannot write with 507, stays up, says disk full, and takes the sale once space returns', async () => {
    expect((await post(sale('DISK-0'))).status).toBe(200)

    expect(disk!.fill()).toBeGreaterThan(0)
    // SQLite may still append to WAL space it already holds: a sale it commits is on disk and
    // may be answered. Sales go on until the file must grow; that one is refused, never a 200/202.
    const taken: string[] = ['DISK-0']
    let refused: { invoice: string; body: unknown } | null = null
    for (let i = 1; i <= 300 && !refused; i++) {
      const res = await post(sale(`DISK-${i}`))
      if (res.status === 507) refused = { invoice: `DISK-${i}`, body: await res.json() }
      else {
        expect([200, 202]).toContain(res.status)
        taken.push(`DISK-${i}`)
      }
    }
    expect(refused, 'no sale was refused on the full disk').not.toBeNull()
    expect(refused!.body).toMatchObject({ code: 'disk-full', detail: expect.stringMatching(/NOT recorded/) })
    await waitFor(() => /disk full: the outbox \(sales\) could not be written/.test(host.output()), 'the log line')

    // Timed checkpoints and the print queue run on the full disk meanwhile: the host stays up.
    await new Promise((r) => setTimeout(r, 1_500))
    expect(host.child.exitCode).toBeNull()
    // Still answering; the disk may have freed a little (a half-written file given back), so either answer is honest.
    expect([200, 202, 507]).toContain((await post(sale(refused!.invoice))).status)

    disk!.free()
    const again = await post(sale(refused!.invoice))
    expect([200, 202]).toContain(again.status)
    await waitFor(() => /disk: the outbox \(sales\) writes again/.test(host.output()), 'the recovery line')
    // The receipts the full disk kept from the print queue are printed now, not at the next start.
    await waitFor(() => /receipt\(s\) owed while the disk was full/.test(host.output()), 'owed receipts printed')
    expect(host.output()).not.toMatch(/uncaught|unhandled/i)

    await host.stop()
    const db = new Database(join(dataDir, 'outbox.sqlite'), { readonly: true })
    const rows = db.prepare('SELECT invoice_number FROM outbox_sales ORDER BY id').pluck().all()
    db.close()
    // Every sale answered 200/202 is on disk, the refused one exactly once (from its second try).
    expect(rows).toEqual([...taken, refused!.invoice])
  }, 60_000)
})
