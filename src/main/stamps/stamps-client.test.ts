/** The client against a tiny loopback upstream: methods, formats, error kinds, retry, JWT. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_KEY, startFakeUpstream, type FakeUpstream } from '../../../tests/support/fake-stamps-upstream'
import { StampsClient } from './stamps-client'
import { StampsError } from './stamps-error'

const sale = (invoice: string, extra: Record<string, unknown> = {}) => ({
  user: 'customer@stamps.co.id',
  store: 32,
  invoice_number: invoice,
  total_value: 50000,
  subtotal: 40000,
  items: [
    { product_name: 'Cappucino', quantity: 2, price: 10000 },
    { product_name: 'Iced Tea', quantity: 4, price: 5000 }
  ],
  ...extra
})

const caught = (p: Promise<unknown>): Promise<StampsError> =>
  p.then(
    () => {
      throw new Error('expected a StampsError')
    },
    (e: unknown) => {
      if (!(e instanceof StampsError)) throw e
      return e
    }
  )

describe('StampsClient against a loopback upstream', () => {
  let up: FakeUpstream
  let client: StampsClient
  const noWait = { sleep: async () => {} }
  beforeEach(async () => {
    up = await startFakeUpstream()
    client = new StampsClient(
      { baseUrl: up.url, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 2000 },
      noWait
    )
  })
  afterEach(async () => {
    client.close()
    await up.close()
  })

  it('pings with the static key in an Authorization: Token header', async () => {
    expect(await client.ping()).toEqual({ pong: { merchant: 'Fake', merchant_id: 14 } })
    expect(up.requests[0]?.auth).toBe(`Token ${FAKE_KEY}`)
  })

  it('posts a sale as JSON and as XML and reads both answers into the same shape', async () => {
    const json = await client.addTransaction(sale('J-1'))
    const xml = await client.addTransaction(sale('X-1'), { format: 'xml' })
    expect(json.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
    expect(xml.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
    expect(typeof xml.customer.id).toBe('number')
    expect(up.sales.size).toBe(2)
  })

  it('turns a repeated invoice into kind duplicate, in JSON and XML', async () => {
    await client.addTransaction(sale('D-1'))
    const e1 = await caught(client.addTransaction(sale('D-1')))
    const e2 = await caught(client.addTransaction(sale('D-1'), { format: 'xml' }))
    for (const e of [e1, e2]) {
      expect(e.kind).toBe('duplicate')
      expect(e.isDuplicateInvoice).toBe(true)
      expect(e.ambiguous).toBe(false)
      expect(e.fieldErrors[0]?.[0]).toBe('invoice_number')
    }
  })

  it('reports field errors from the server (JSON and XML) and refuses bad input before sending', async () => {
    const server = await caught(client.addTransaction(sale('V-1', { store: 999 }), { format: 'xml' }))
    expect(server).toMatchObject({ kind: 'validation', status: 400, fieldErrors: [['store', 'Store does not exist']] })
    const before = up.requests.length
    const local = await caught(client.addTransaction(sale('V-2', { total_value: -5 })))
    expect(local.kind).toBe('validation')
    expect(local.fieldErrors.map(([f]) => f)).toEqual(['total_value'])
    expect(up.requests.length).toBe(before)
  })

  it('retries a sale through a 503 burst and posts it once', async () => {
    up.failNext(2, 503)
    const res = await client.addTransaction(sale('R-1'))
    expect(res.transaction.value).toBe(50000)
    expect(up.requests.length).toBe(3)
    expect([...up.sales.values()]).toEqual([1])
  })

  it('gives up after maxAttempts with an ambiguous server error', async () => {
    up.failNext(5, 500)
    const e = await caught(client.addTransaction(sale('R-2'), { retry: { maxAttempts: 2 } }))
    expect(e).toMatchObject({ kind: 'server', status: 500, ambiguous: true })
    expect(up.requests.length).toBe(2)
  })

  it('never repeats a v2 cancel: an ambiguous 503 is the answer, and a bad date never leaves', async () => {
    up.failNext(1, 503)
    const e = await caught(client.cancelTransactionByInvoice({ invoice_number: 'C-1', date: '2021-02-01' }))
    expect(e).toMatchObject({ kind: 'server', status: 503, ambiguous: true })
    expect(up.requests.map((r) => r.path)).toEqual(['/api/v2/transactions/cancel'])
    const bad = await caught(client.cancelTransactionByInvoice({ invoice_number: 'C-1', date: '2021-02-30' }))
    expect(bad).toMatchObject({ kind: 'validation', ambiguous: false })
    expect(up.requests).toHaveLength(1)
  })

  it('maps auth, not-found and a wrong key to typed errors without retrying', async () => {
    const bad = new StampsClient({ baseUrl: up.url, credential: { kind: 'token', key: 'wrong' } }, noWait)
    const auth = await caught(bad.ping())
    expect(auth).toMatchObject({ kind: 'auth', status: 401, detail: 'Invalid token', ambiguous: false })
    bad.close()
    up.failNext(1, 404)
    expect(await caught(client.activities({ user: 'x@y.z' }))).toMatchObject({ kind: 'not-found', status: 404 })
    expect(up.requests.length).toBe(2)
  })

  it('times out an answer that never comes, and calls it ambiguous (the request was sent)', async () => {
    const slow = new StampsClient(
      { baseUrl: up.url, credential: { kind: 'token', key: FAKE_KEY }, timeoutMs: 100 },
      noWait
    )
    up.answerDelayMs = 400
    const e = await caught(slow.addTransaction(sale('T-1'), { retry: { maxAttempts: 1 } }))
    expect(e).toMatchObject({ kind: 'timeout', ambiguous: true })
    slow.close()
  })

  it('calls a refused connection a network error that is not ambiguous', async () => {
    const url = up.url
    await up.close()
    const dead = new StampsClient({ baseUrl: url, credential: { kind: 'token', key: FAKE_KEY } }, noWait)
    const e = await caught(dead.ping())
    expect(e).toMatchObject({ kind: 'network', ambiguous: false })
    expect(e.detail).toMatch(/ECONNREFUSED/)
    dead.close()
    up = await startFakeUpstream()
  })

  it('buys a JWT once, refreshes it at 90% of its life, and once more after a 401', async () => {
    let now = Date.now()
    up.jwtTtlSec = 1000
    const jwt = new StampsClient(
      { baseUrl: up.url, credential: { kind: 'jwt', key: FAKE_KEY, merchantId: 14 } },
      { ...noWait, now: () => now }
    )
    const tokenCalls = () => up.requests.filter((r) => r.path === '/api/auth/get-access-token/').length
    await jwt.ping()
    await jwt.ping()
    expect(tokenCalls()).toBe(1)
    expect(up.requests[1]?.auth).toMatch(/^Bearer /)
    now += 899_000
    await jwt.ping()
    expect(tokenCalls()).toBe(1)
    now += 2_000
    await jwt.ping()
    expect(tokenCalls()).toBe(2)
    up.revokeJwts()
    await jwt.ping()
    expect(tokenCalls()).toBe(3)
    jwt.close()
  })
})
