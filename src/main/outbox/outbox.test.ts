/** The outbox on a real SQLite file against a loopback upstream: keys, order, states, restarts. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_KEY, startFakeUpstream, type FakeUpstream } from '../../../tests/support/fake-stamps-upstream'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { StampsClient } from '../stamps'
import { Outbox, type OutboxEvents } from './outbox'

const sale = (invoice: string, extra: Record<string, unknown> = {}) => ({
  user: 'customer@stamps.co.id',
  store: 32,
  invoice_number: invoice,
  total_value: 50000,
  ...extra
})

describe('Outbox', () => {
  let up: FakeUpstream
  let client: StampsClient
  let tmp: ReturnType<typeof tempDir>
  const open: Outbox[] = []
  const outbox = (extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) => {
    const o = new Outbox({
      dbPath: tmp.file('outbox.db'),
      client,
      backoff: { baseMs: 20, capMs: 100 },
      merchantId: 14,
      ...extra
    })
    open.push(o)
    return o
  }
  beforeEach(async () => {
    tmp = tempDir()
    up = await startFakeUpstream()
    client = new StampsClient({ baseUrl: up.url, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 1000 })
  })
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close().catch(() => {})
    client.close()
    await up.close()
    tmp.remove()
  })

  it('commits a sale to disk before any send, with created pinned and no credential', () => {
    const o = outbox()
    const { item, created } = o.enqueue({ ...sale('E-1'), token: 'secret' })
    expect(created).toBe(true)
    const raw = new Database(tmp.file('outbox.db'), { readonly: true })
    const row = raw.prepare('SELECT * FROM outbox_sales WHERE id = ?').get(item.id) as {
      state: string
      payload: string
      local_date: string
    }
    raw.close()
    expect(row.state).toBe('queued')
    expect(JSON.parse(row.payload)).not.toHaveProperty('token')
    expect(JSON.parse(row.payload).created).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(row.local_date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(up.requests).toHaveLength(0)
  })

  it('keys on store, invoice and Jakarta date: the same sale twice is one row, another sale is refused', () => {
    const o = outbox()
    const a = o.enqueue(sale('K-1', { created: '2024-03-01T23:30:00+07' }))
    const b = o.enqueue(sale('K-1', { created: '2024-03-01T10:00:00+07' }))
    // Another sale under the key: Stamps' duplicate refusal, and nothing of it is recorded.
    expect(() => o.enqueue(sale('K-1', { created: '2024-03-01T10:00:00+07', total_value: 1 }))).toThrow(
      expect.objectContaining({
        kind: 'duplicate',
        status: 400,
        fieldErrors: [['invoice_number', 'Transaction with this invoice number already exists']]
      })
    )
    const nextDay = o.enqueue(sale('K-1', { created: '2024-03-01T17:30:00Z' })) // 00:30 on the 2nd in Jakarta
    const otherStore = o.enqueue(sale('K-1', { created: '2024-03-01T10:00:00+07', store: 2 }))
    expect(b).toMatchObject({ created: false, item: { id: a.item.id, sale: { total_value: 50000 } } })
    expect(nextDay.item.local_date).toBe('2024-03-02')
    expect(new Set([a.item.id, nextDay.item.id, otherStore.item.id]).size).toBe(3)
    expect(o.depth()).toEqual({ queued: 3, failed: 0 })
  })

  it('drains in FIFO order, each sale posted once, and reports every state change', async () => {
    const o = outbox()
    const changes: Array<OutboxEvents['change'][0]> = []
    const depths: number[] = []
    o.on('change', (c) => changes.push(c))
    o.on('depth', (d) => depths.push(d.queued))
    for (let i = 1; i <= 5; i++) o.enqueue(sale(`F-${i}`))
    o.start()
    await waitFor(() => o.depth().queued === 0, 'drain')
    const posted = up.requests.filter((r) => r.path === '/api/transactions/add')
    expect(posted).toHaveLength(5)
    expect(o.list({ state: 'posted' }).map((i) => i.invoice_number)).toEqual(['F-1', 'F-2', 'F-3', 'F-4', 'F-5'])
    expect([...up.sales.values()]).toEqual([1, 1, 1, 1, 1])
    expect(changes.filter((c) => c.id === 1).map((c) => c.state)).toEqual(['queued', 'sending', 'posted'])
    expect(depths.at(-1)).toBe(0)
  })

  it('keeps a sale queued through 5xx with growing backoff; the sales behind it wait their turn', async () => {
    const o = outbox()
    up.failNext(3, 503)
    o.enqueue(sale('B-1'))
    o.enqueue(sale('B-2'))
    o.start()
    await waitFor(() => o.get(1)?.state === 'posted', 'head posted')
    await waitFor(() => o.get(2)?.state === 'posted', 'second posted')
    // Each send tries twice quickly before backing off: 503, 503 | 503, 200.
    expect(o.get(1)?.attempts).toBe(2)
    expect(o.get(2)?.attempts).toBe(1) // never overtook the head while it backed off
    const adds = up.requests.filter((r) => r.path === '/api/transactions/add')
    expect(adds).toHaveLength(5)
  })

  it('fails a sale with field errors without blocking the queue, then resends it fixed', async () => {
    const o = outbox()
    o.enqueue(sale('V-1', { store: 999 }))
    o.enqueue(sale('V-2'))
    o.start()
    await waitFor(() => o.get(2)?.state === 'posted', 'second posted')
    const failed = o.get(1)!
    expect(failed.state).toBe('failed')
    expect(failed.field_errors).toEqual([['store', 'Store does not exist']])
    expect(o.depth()).toEqual({ queued: 0, failed: 1 })
    expect(() => o.resend(2)).toThrow(/only failed or discarded/)
    o.resend(1, { ...failed.sale, store: 84 })
    await waitFor(() => o.get(1)?.state === 'posted', 'fixed sale posted')
    expect(o.get(1)?.store).toBe(84)
    expect(o.depth()).toEqual({ queued: 0, failed: 0 })
  })

  it('treats duplicate-invoice as posted and looks up what the sale earned', async () => {
    await client.addTransaction(sale('D-1', { total_value: 120000, created: '2024-05-05T12:00:00+07' }))
    const o = outbox()
    const posted: Array<OutboxEvents['posted'][0]> = []
    o.on('posted', (p) => posted.push(p))
    o.enqueue(sale('D-1', { total_value: 120000, created: '2024-05-05T12:00:00+07' }))
    o.start()
    await waitFor(() => posted.length === 1, 'posted event')
    expect(posted[0]).toMatchObject({
      duplicate: true,
      response: { transaction: { stamps_earned: 12, value: 120000 } }
    })
    expect(posted[0]?.response.transaction.id).toBeGreaterThan(0)
    expect([...up.sales.values()]).toEqual([1])
  })

  it('sendOrQueue answers posted in time, or pending when the upstream is down', async () => {
    const o = outbox()
    o.start()
    const ok = await o.sendOrQueue(sale('S-1'), 2000)
    expect(ok).toMatchObject({ state: 'posted', duplicate: false, response: { transaction: { stamps_earned: 5 } } })
    expect(await o.sendOrQueue(sale('S-1'), 2000)).toMatchObject({ state: 'posted', id: ok.id })
    up.failNext(1000, 503)
    const slow = await o.sendOrQueue(sale('S-2'), 150)
    expect(slow).toMatchObject({
      state: 'pending',
      item: { invoice_number: 'S-2', state: expect.stringMatching(/queued|sending/) }
    })
  })

  it('discards a queued sale on request and never sends it', async () => {
    const o = outbox()
    const { item } = o.enqueue(sale('X-1'))
    expect(o.discard(item.id).state).toBe('discarded')
    o.start()
    o.enqueue(sale('X-2'))
    await waitFor(() => o.depth().queued === 0, 'drain')
    expect(up.requests.filter((r) => r.path === '/api/transactions/add')).toHaveLength(1)
  })

  it('survives a restart: queued while the upstream is down, drained exactly once by a new Outbox', async () => {
    const deadUrl = up.url
    await up.close()
    const down = new StampsClient({ baseUrl: deadUrl, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 300 })
    const first = outbox({ client: down })
    first.start()
    for (let i = 1; i <= 10; i++) first.enqueue(sale(`R-${i}`))
    await waitFor(() => (first.get(1)?.attempts ?? 0) >= 2, 'a few failed attempts')
    expect(first.get(1)?.last_error).toMatch(/ECONNREFUSED/)
    await first.close()
    down.close()
    up = await startFakeUpstream()
    client = new StampsClient({ baseUrl: up.url, credential: { kind: 'token', key: FAKE_KEY } })
    const second = outbox({ client })
    expect(second.depth()).toEqual({ queued: 10, failed: 0 })
    second.start()
    await waitFor(() => second.depth().queued === 0, 'drain after restart')
    expect(up.sales.size).toBe(10)
    expect([...up.sales.values()].every((n) => n === 1)).toBe(true)
  })

  it('a sale caught mid-send by a crash goes back to the queue and is not doubled', async () => {
    const o = outbox()
    const { item } = o.enqueue(sale('C-1'))
    await client.addTransaction(item.sale) // the send that reached the upstream before the crash
    await o.close()
    const raw = new Database(tmp.file('outbox.db'))
    raw.prepare("UPDATE outbox_sales SET state = 'sending' WHERE id = ?").run(item.id)
    raw.close()
    const again = outbox()
    expect(again.get(item.id)?.state).toBe('queued')
    again.start()
    await waitFor(() => again.get(item.id)?.state === 'posted', 'posted after restart')
    expect(again.get(item.id)?.duplicate).toBe(true)
    expect([...up.sales.values()]).toEqual([1])
  })
})
