/** Every error path of the sandbox over real HTTP: status, body and headers, never a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseStampsXml } from '../../src/shared/stamps/xml-codec'
import { KEY, startHarness, tokenHeader, type Harness } from './sandbox-harness'

const SALE = { user: 'customer@stamps.co.id', store: 2, invoice_number: 'E-1', total_value: 15000 }

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

describe('authentication', () => {
  it('no credentials: 403; an empty Authorization header counts as none', async () => {
    for (const headers of [{}, { Authorization: '' }, { Authorization: 'Basic Zm9vOmJhcg==' }] as Array<
      Record<string, string>
    >) {
      const r = await h.post('/api/ping', {}, headers)
      expect(r.status).toBe(403)
      expect(r.json).toEqual({ detail: 'Authentication credentials were not provided.' })
    }
  })

  it('wrong credentials in each form: 401 Invalid token', async () => {
    const cases: Array<[string, unknown, Record<string, string>]> = [
      ['/api/ping', { token: 'nope' }, {}],
      ['/api/ping', {}, { Authorization: 'Token nope' }],
      ['/api/ping', {}, { Authorization: 'Token' }],
      ['/api/ping', {}, { Authorization: 'Bearer a.b.c' }],
      ['/api/ping', { token: 123 }, {}]
    ]
    for (const [path, body, headers] of cases) {
      const r = await h.post(path, body, headers)
      expect(r.status, JSON.stringify(headers)).toBe(401)
      expect(r.json).toEqual({ detail: 'Invalid token' })
    }
    const q = await h.get('/api/v3/activities/?user=customer@stamps.co.id&token=nope')
    expect(q.status).toBe(401)
  })

  it('all three credential forms authenticate; a bad header wins over a good body token', async () => {
    expect((await h.post('/api/ping', { token: KEY })).json).toEqual({
      pong: { merchant: 'Demo Coffee', merchant_id: 14 }
    })
    expect((await h.post('/api/ping', {}, tokenHeader('demo-ace-key'))).json).toEqual({
      pong: { merchant: 'Ace Hardware', merchant_id: 5 }
    })
    const t = await h.post('/api/auth/get-access-token/', { token: KEY, crm_merchant_id: 14 })
    expect(t.status).toBe(200)
    expect(t.json.access_token.split('.')).toHaveLength(3)
    const bearer = { Authorization: `Bearer ${t.json.access_token}` }
    expect((await h.post('/api/ping', {}, bearer)).json.pong.merchant_id).toBe(14)
    expect((await h.get('/api/v3/activities/?user=customer@stamps.co.id', bearer)).status).toBe(200)
    expect((await h.post('/api/ping', { token: KEY }, { Authorization: 'Token nope' })).status).toBe(401)
  })

  it('a token for another merchant id is refused; a tampered JWT is 401', async () => {
    const r = await h.post('/api/auth/get-access-token/', { token: KEY, crm_merchant_id: 5 })
    expect(r.status).toBe(400)
    expect(r.json.errors).toEqual({
      crm_merchant_id: 'Select a valid choice. That choice is not one of the available choices.'
    })
    const t = (await h.post('/api/auth/get-access-token/', { token: 'demo-levis-key', crm_merchant_id: 2 })).json
      .access_token as string
    const [head, , sig] = t.split('.')
    const forged = Buffer.from(JSON.stringify({ merchant_id: 14, iat: 0, exp: 9999999999 })).toString('base64url')
    expect((await h.post('/api/ping', {}, { Authorization: `Bearer ${head}.${forged}.${sig}` })).status).toBe(401)
  })
})

describe('methods and paths', () => {
  it('wrong method: 405 with Allow, after authentication', async () => {
    const r = await h.get('/api/transactions/add', tokenHeader())
    expect(r.status).toBe(405)
    expect(r.headers.get('allow')).toBe('POST, OPTIONS')
    expect(r.json).toEqual({ detail: 'Method "GET" not allowed.' })
    const p = await h.post('/api/v3/activities/', {}, tokenHeader())
    expect(p.status).toBe(405)
    expect(p.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(p.json).toEqual({ detail: 'Method "POST" not allowed.' })
    const d = await fetch(h.url('/api/balances/credit'), { method: 'DELETE', headers: tokenHeader() })
    expect(d.status).toBe(405)
    // without credentials, authentication comes first
    expect((await h.get('/api/transactions/add')).status).toBe(403)
  })

  it('405 comes before the body: a malformed body on the wrong method is still 405', async () => {
    const r = await fetch(h.url('/api/ping'), {
      method: 'PUT',
      headers: { ...tokenHeader(), 'Content-Type': 'application/json' },
      body: '{oops'
    })
    expect(r.status).toBe(405)
  })

  it('HEAD and OPTIONS answer on a GET endpoint', async () => {
    const head = await fetch(h.url('/api/v3/activities/?user=customer@stamps.co.id'), {
      method: 'HEAD',
      headers: tokenHeader()
    })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const opt = await fetch(h.url('/api/transactions/add'), { method: 'OPTIONS', headers: tokenHeader() })
    expect(opt.status).toBe(200)
    expect(opt.headers.get('allow')).toBe('POST, OPTIONS')
  })

  it('unknown path: 404 Not found.', async () => {
    const r = await h.get('/api/nothing-here', tokenHeader())
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ detail: 'Not found.' })
  })
})

describe('bodies', () => {
  it('malformed JSON: 400 JSON parse error', async () => {
    const r = await h.post('/api/transactions/add', '{"token": "x",', tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json.detail).toMatch(/^JSON parse error - /)
    const noAuth = await h.post('/api/transactions/add', '[1,')
    expect(noAuth.status).toBe(400)
  })

  it('malformed XML and XML with DOCTYPE/ENTITY: 400, in XML when asked', async () => {
    const xmlHeaders = { ...tokenHeader(), 'Content-Type': 'application/xml', Accept: 'application/xml' }
    const bad = await h.post('/api/transactions/add', '<root><store>2</root>', xmlHeaders)
    expect(bad.status).toBe(400)
    expect(String(parseStampsXml(bad.text).detail)).toMatch(/^XML parse error - /)
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE root [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><root><user>&b;</user></root>'
    const r = await h.post('/api/transactions/add', bomb, { ...tokenHeader(), 'Content-Type': 'application/xml' })
    expect(r.status).toBe(400)
    expect(r.json.detail).toMatch(/DOCTYPE/)
  })

  it('a body that is not an object: 400 with a DRF non_field_errors message', async () => {
    const r = await h.post('/api/balances/credit', '[1, 2]', tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json.errors).toEqual({ non_field_errors: 'Invalid data. Expected a dictionary, but got list.' })
    const t = await h.post('/api/transactions/add', 'null', tokenHeader())
    expect(t.status).toBe(400)
  })

  it('an unsupported media type: 415', async () => {
    const r = await h.post('/api/ping', 'token=x', { ...tokenHeader(), 'Content-Type': 'text/plain' })
    expect(r.status).toBe(415)
    expect(r.json).toEqual({ detail: 'Unsupported media type "text/plain" in request.' })
  })

  it('a body over 1 MiB: 413', async () => {
    const big = JSON.stringify({ ...SALE, token: KEY, pad: 'x'.repeat(1024 * 1024) })
    const r = await h.post('/api/transactions/add', big)
    expect(r.status).toBe(413)
    expect(r.json).toEqual({ detail: 'Request body is too large.' })
    const ok = await h.post('/api/ping', JSON.stringify({ token: KEY, pad: 'x'.repeat(1000 * 1000) }))
    expect(ok.status).toBe(200)
  })
})

describe('field errors read like DRF', () => {
  const add = (body: unknown) => h.post('/api/transactions/add', body, tokenHeader())
  it('missing, non-number and non-integer fields', async () => {
    const r = await add({ store: 'two', total_value: 'lots', items: [{ product_name: 'A', quantity: 1.5, price: 1 }] })
    expect(r.status).toBe(400)
    expect(r.json.errors).toEqual([
      { store: 'A valid integer is required.' },
      { invoice_number: 'This field is required.' },
      { total_value: 'A valid number is required.' },
      { quantity: 'A valid integer is required.' },
      { user: 'This field is required.' }
    ])
  })

  it('unknown user (by the field used), unknown store, negative total', async () => {
    expect((await add({ ...SALE, user: 'ghost@example.com' })).json.errors).toEqual([{ user: 'User not found' }])
    const e = { ...SALE, user_email: 'ghost@example.com' } as Record<string, unknown>
    delete e.user
    expect((await add(e)).json.errors).toEqual([{ user_email: 'User not found' }])
    expect((await add({ ...SALE, store: 201 })).json.errors).toEqual([
      { store: 'Select a valid choice. That choice is not one of the available choices.' }
    ])
    expect((await add({ ...SALE, total_value: -5 })).json.errors).toEqual([
      { total_value: 'Ensure this value is greater than or equal to 0.' }
    ])
    expect((await add({ ...SALE, created: 'yesterday' })).json.errors[0].created).toMatch(/^Datetime has wrong format/)
    for (const total of [1e308, 1e20, '1e400']) {
      const r = await add({ ...SALE, invoice_number: `BIG-${total}`, total_value: total })
      expect(r.status, String(total)).toBe(400)
      expect(Object.keys(r.json.errors[0])).toEqual(['total_value'])
    }
  })

  it('duplicate invoice the same local day: 400; another store or another day: 200', async () => {
    expect((await add({ ...SALE, invoice_number: 'D-1' })).status).toBe(200)
    const dup = await add({ ...SALE, invoice_number: 'D-1' })
    expect(dup.status).toBe(400)
    expect(dup.json.errors).toEqual([{ invoice_number: 'Transaction with this invoice number already exists' }])
    expect((await add({ ...SALE, invoice_number: 'D-1', store: 3 })).status).toBe(200)
    // 23:30 and 00:30 Jakarta time are different days, 00:30 and 23:59 the same
    expect((await add({ ...SALE, invoice_number: 'D-2', created: '2024-05-01T23:30:00+07' })).status).toBe(200)
    expect((await add({ ...SALE, invoice_number: 'D-2', created: '2024-05-02T00:30:00+07:00' })).status).toBe(200)
    expect((await add({ ...SALE, invoice_number: 'D-2', created: '2024-05-02T16:59:00Z' })).status).toBe(400)
  })

  it('balance: bad type, zero amount, overdraw, merchant and store of another merchant', async () => {
    const base = { user: 'second@stamps.co.id', amount: 100, merchant: 14, store: 3 }
    const credit = (b: unknown) => h.post('/api/balances/credit', b, tokenHeader())
    expect((await credit({ ...base, type: 'points' })).json.errors).toEqual({ type: '"points" is not a valid choice.' })
    expect((await credit({ ...base, amount: 0 })).json.errors).toEqual({
      amount: 'Ensure this value is greater than 0.'
    })
    expect((await credit({ ...base, amount: 1.005 })).json.errors).toEqual({
      amount: 'Ensure that there are no more than 2 decimal places.'
    })
    expect((await credit({ ...base, merchant: 5, store: 301 })).json.errors).toEqual({
      merchant: 'Select a valid choice. That choice is not one of the available choices.',
      store: 'Select a valid choice. That choice is not one of the available choices.'
    })
    const over = await h.post('/api/balances/debit', base, tokenHeader())
    expect(over.status).toBe(400)
    expect(over.json).toEqual({ detail: 'amount: Insufficient balance', errors: { amount: 'Insufficient balance' } })
  })

  it('membership details: unknown user in the documented body; found by card and mobile', async () => {
    const r = await h.get('/api/v2/memberships/details?user=ghost@example.com&merchant=14', tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json).toEqual({
      errors: { __all__: 'User not found' },
      error_message: 'User not found',
      error_code: 'invalid_data',
      detail: '__all__: User not found'
    })
    for (const user of [
      '2000000000002',
      '081298765432',
      '6281298765432',
      '%2B62%20812-9876-5432',
      'SECOND@stamps.co.id'
    ]) {
      const m = await h.get(`/api/v2/memberships/details?user=${user}&merchant=2`, tokenHeader())
      expect(m.status, user).toBe(200)
      expect(m.json.user).toEqual({
        id: expect.any(Number),
        name: 'Second Customer',
        email: 'second@stamps.co.id',
        mobile_phone: '+6281298765432'
      })
    }
  })

  it('odd query values never reach a 500', async () => {
    for (const q of [
      'older_than=abc',
      'older_than=-1',
      `older_than=${'9'.repeat(400)}`,
      'user=',
      'user=a&user=customer@stamps.co.id&older_than=1e3'
    ]) {
      const r = await h.get(`/api/v3/activities/?${q}`, tokenHeader())
      expect(r.status, q).toBeLessThan(500)
    }
  })
})

describe('--require-https', () => {
  it('plain HTTP gets the documented 403; a loopback proxy saying https passes', async () => {
    const s = await startHarness({ requireHttps: true })
    try {
      const r = await s.post('/api/transactions/add', { ...SALE, token: KEY })
      expect(r.status).toBe(403)
      expect(r.json).toEqual({ detail: 'Please use https instead of http' })
      expect(r.headers.get('allow')).toBe('POST, OPTIONS')
      const viaProxy = await s.post('/api/ping', { token: KEY }, { 'X-Forwarded-Proto': 'https' })
      expect(viaProxy.status).toBe(200)
      expect((await s.post('/api/ping', { token: KEY }, { 'X-Forwarded-Proto': 'http' })).status).toBe(403)
    } finally {
      await s.stop()
    }
  })
})

describe('no input reaches a 500', () => {
  it('answers a few hundred random bodies on every endpoint with < 500', async () => {
    let seed = 42
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const values = [
      null,
      true,
      -1,
      0,
      1.5,
      1e308,
      -0,
      '',
      ' ',
      'x',
      '12',
      '1e5',
      '08123456789',
      '2021-02-01',
      'customer@stamps.co.id',
      [],
      [{}],
      {},
      { a: 1 },
      [{ product_name: 'A', quantity: 'x', price: null }]
    ]
    const fieldsList = [
      'token',
      'user',
      'user_email',
      'store',
      'invoice_number',
      'total_value',
      'items',
      'amount',
      'type',
      'merchant',
      'id',
      'created',
      'date',
      'crm_merchant_id',
      'older_than',
      'merchant_id'
    ]
    const posts = [
      '/api/transactions/add',
      '/api/transactions/cancel',
      '/api/v2/transactions/cancel',
      '/api/balances/credit',
      '/api/balances/debit',
      '/api/balances/cancel',
      '/api/auth/get-access-token/',
      '/api/ping'
    ]
    const gets = [
      '/api/v3/activities/',
      '/api/v3/activities/by-merchant-group',
      '/api/v2/memberships/details',
      '/api/v2/transactions/preview-earnings'
    ]
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
    const statuses = new Set<number>()
    for (let i = 0; i < 300; i++) {
      const body: Record<string, unknown> = {}
      for (const f of fieldsList) if (rand() < 0.5) body[f] = pick(values)
      const path = pick(posts)
      const r = await h.post(path, body, rand() < 0.8 ? tokenHeader() : {})
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500)
      statuses.add(r.status)
      const q = new URLSearchParams(
        Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])
      )
      const g = await h.get(`${pick(gets)}?${q}`, tokenHeader())
      expect(g.status, q.toString()).toBeLessThan(500)
      statuses.add(g.status)
    }
    // the generator does reach both answers: refusals and accepted requests
    expect(statuses.has(400) && statuses.has(200)).toBe(true)
  })
})
