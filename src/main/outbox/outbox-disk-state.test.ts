/** The outbox file alone says where each sale is: a send and a duplicate's lookup are on disk while they run. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_KEY, startFakeUpstream, type FakeUpstream } from '../../../tests/support/fake-stamps-upstream'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { StampsClient } from '../stamps'
import { Outbox, type OutboxClient } from './outbox'

const sale = (invoice: string) => ({
  user: 'customer@stamps.co.id',
  store: 32,
  invoice_number: invoice,
  total_value: 50000,
  created: '2024-05-05T12:00:00+07'
})

describe('Outbox state on disk', () => {
  let up: FakeUpstream
  let client: StampsClient
  let tmp: ReturnType<typeof tempDir>
  const open: Outbox[] = []
  const outbox = (c: OutboxClient = client): Outbox => {
    const o = new Outbox({
      dbPath: tmp.file('outbox.db'),
      client: c,
      merchantId: 14,
      backoff: { baseMs: 20, capMs: 100 }
    })
    open.push(o)
    return o
  }
  /** The sale's row as another process reading the file would see it. */
  const onDisk = (id: number) => {
    const raw = new Database(tmp.file('outbox.db'), { readonly: true })
    try {
      return raw.prepare('SELECT state, attempts, duplicate FROM outbox_sales WHERE id = ?').get(id)
    } finally {
      raw.close()
    }
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

  it('marks a sale sending, with the attempt counted, before its request leaves', async () => {
    let release: () => void = () => {}
    let seen: unknown
    const held: OutboxClient = {
      activities: (q) => client.activities(q),
      membership: (q) => client.membership(q),
      addTransaction: (s, o) => {
        seen = onDisk(1)
        return new Promise<void>((resolve) => (release = resolve)).then(() => client.addTransaction(s, o))
      }
    }
    const o = outbox(held)
    const { item } = o.enqueue(sale('S-1'))
    o.start()
    await waitFor(() => seen !== undefined, 'the send to start')
    expect(seen).toEqual({ state: 'sending', attempts: 1, duplicate: 0 })
    release()
    await waitFor(() => o.get(item.id)?.state === 'posted', 'posted')
    expect(onDisk(item.id)).toEqual({ state: 'posted', attempts: 1, duplicate: 0 })
  })

  it('a duplicate answer is committed before its lookup, and a stop mid-lookup resumes the lookup, not the send', async () => {
    const first = outbox()
    const { item } = first.enqueue(sale('D-1'))
    await client.addTransaction(item.sale) // the upstream already holds it
    await first.close()
    // As a kill during the lookup leaves the file: the duplicate answer recorded, no figures yet.
    const raw = new Database(tmp.file('outbox.db'))
    raw.prepare("UPDATE outbox_sales SET state = 'sending', duplicate = 1, attempts = 1 WHERE id = ?").run(item.id)
    raw.close()
    const adds = () => up.requests.filter((r) => r.path === '/api/transactions/add').length
    const before = adds()

    const again = outbox()
    expect(again.get(item.id)).toMatchObject({ state: 'sending', duplicate: true })
    expect(() => again.discard(item.id)).toThrow(/cannot be discarded/)
    again.start()
    await waitFor(() => again.get(item.id)?.state === 'posted', 'the lookup finished')
    expect(again.get(item.id)).toMatchObject({
      duplicate: true,
      attempts: 1,
      response: { transaction: { stamps_earned: 5, value: 50000 } }
    })
    expect(adds()).toBe(before) // never sent again
    expect([...up.sales.values()]).toEqual([1])
  })
})
