/**
 * Hostile numbers, strings and dates sent to the sandbox over HTTP: each is refused (or taken)
 * exactly as Django REST Framework would, with DRF's message in the endpoint's own envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRANSACTION_ERROR_DETAIL } from '../../src/shared/stamps'
import { parseStampsXml } from '../../src/shared/stamps/xml-codec'
import { startHarness, tokenHeader, type Harness } from './sandbox-harness'

const INT = 'A valid integer is required.'
const NUM = 'A valid number is required.'
const DP = 'Ensure that there are no more than 2 decimal places.'
const NUL = 'Null characters are not allowed.'
const DATE =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'
const RANGE = 'Datetime value out of range.'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

let invoice = 0
const sale = (patch: Record<string, unknown>) => ({
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: `STRICT-${++invoice}`,
  total_value: 15000,
  ...patch
})
const item = (patch: Record<string, unknown>) => ({
  items: [{ product_name: 'Kopi', quantity: 1, price: 15000, ...patch }]
})

describe('transactions/add refuses what DRF refuses, in the documented error list', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['hex store', { store: '0x10' }, 'store', INT],
    ['exponent store', { store: '1e1' }, 'store', INT],
    ['fractional store', { store: '2.5' }, 'store', INT],
    ['binary store', { store: '0b10' }, 'store', INT],
    ['boolean store', { store: true }, 'store', INT],
    ['1001-digit store', { store: '1'.repeat(1001) }, 'store', 'String value too large.'],
    ['hex quantity', item({ quantity: '0x10' }), 'quantity', INT],
    ['exponent quantity', item({ quantity: '1e1' }), 'quantity', INT],
    ['hex total', { total_value: '0x10' }, 'total_value', NUM],
    ['octal total', { total_value: '0o17' }, 'total_value', NUM],
    ['Infinity total', { total_value: 'Infinity' }, 'total_value', NUM],
    ['NaN total', { total_value: 'NaN' }, 'total_value', NUM],
    ['three decimals', { total_value: '15000.001' }, 'total_value', DP],
    ['three decimals as zeros', { total_value: '15000.000' }, 'total_value', DP],
    ['hex price', item({ price: '0x10' }), 'price', NUM],
    ['NUL in invoice', { invoice_number: 'INV\u0000-1' }, 'invoice_number', NUL],
    [
      'lone surrogate in invoice',
      { invoice_number: 'INV\ud800' },
      'invoice_number',
      'Surrogate characters are not allowed: U+D800.'
    ],
    ['blank invoice', { invoice_number: ' \t ' }, 'invoice_number', 'This field may not be blank.'],
    [
      '101-character invoice',
      { invoice_number: 'x'.repeat(101) },
      'invoice_number',
      'Ensure this field has no more than 100 characters.'
    ],
    ['boolean invoice', { invoice_number: true }, 'invoice_number', 'Not a valid string.'],
    ['NUL in user', { user: 'customer@stamps.co.id\u0000' }, 'user', NUL],
    ['NUL in product name', item({ product_name: 'Kopi\u0000' }), 'product_name', NUL],
    ['offset -99:99', { created: '2024-05-01T10:00:00-99:99' }, 'created', DATE],
    ['offset +24:00', { created: '2024-05-01T10:00:00+24:00' }, 'created', DATE],
    ['year 10000', { created: '10000-01-01T00:00:00' }, 'created', DATE],
    ['year 0000', { created: '0000-01-01T00:00:00' }, 'created', DATE],
    ['29 February 2023', { created: '2023-02-29T00:00:00' }, 'created', DATE],
    ['hour 24', { created: '2024-05-01T24:00:00' }, 'created', DATE],
    ['a number', { created: 20240501 }, 'created', DATE],
    ['past 9999 in Jakarta', { created: '9999-12-31T23:00:00Z' }, 'created', RANGE],
    ['before year 1 in UTC', { created: '0001-01-01T00:00:00+01:00' }, 'created', RANGE]
  ]
  it.each(cases)('%s: 400 with the DRF message', async (_name, patch, field, message) => {
    const r = await h.post('/api/transactions/add', sale(patch), tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json).toEqual({ detail: TRANSACTION_ERROR_DETAIL, errors: [{ [field]: message }] })
  })

  it('in XML too: a hex store in an XML body gets the XML error list', async () => {
    const xml = `<root><user>customer@stamps.co.id</user><store>0x10</store><invoice_number>X-1</invoice_number><total_value>15000</total_value></root>`
    const r = await h.post('/api/transactions/add', xml, {
      ...tokenHeader(),
      'Content-Type': 'application/xml',
      Accept: 'application/xml'
    })
    expect(r.status).toBe(400)
    expect(parseStampsXml(r.text)).toMatchObject({ validation_errors: [{ store: INT }] })
  })
})

describe('transactions/add takes what DRF takes', () => {
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['store with spaces', { store: ' 2 ' }, 15000],
    ['store "2.0"', { store: '2.0' }, 15000],
    ['store "+2"', { store: '+2' }, 15000],
    ['store in Arabic-Indic digits', { store: '\u0662' }, 15000],
    ['total "1e4"', { total_value: '1e4' }, 10000],
    ['total "1_5000"', { total_value: '1_5000' }, 15000],
    ['quantity "2.0"', item({ quantity: '2.0' }), 15000],
    ['hour-only offset', { created: '2024-05-01T10:00:00+07' }, 15000],
    ['offset +05:99 (Django reads it as +06:39)', { created: '2024-05-01T10:00:00+05:99' }, 15000]
  ]
  it.each(cases)('%s: 200', async (_name, patch, value) => {
    const r = await h.post('/api/transactions/add', sale(patch), tokenHeader())
    expect(r.status, JSON.stringify(r.json)).toBe(200)
    expect(r.json.transaction.value).toBe(value)
  })

  it('year 0001 stays 0001 and year 9999 stays 9999, in the ledger and in the activity', async () => {
    const year = (y: number, h24: number) => {
      const d = new Date(Date.UTC(2000, 0, 1, h24))
      d.setUTCFullYear(y, y === 1 ? 0 : 11, y === 1 ? 1 : 31)
      return d.getTime()
    }
    for (const [created, ms, day] of [
      ['0001-01-01T12:00:00', year(1, 5), '0001-01-01'],
      ['9999-12-31T23:59:00+07:00', year(9999, 16) + 59 * 60_000, '9999-12-31']
    ] as const) {
      const r = await h.post('/api/transactions/add', sale({ created, invoice_number: `Y-${day}` }), tokenHeader())
      expect(r.status, JSON.stringify(r.json)).toBe(200)
      const row = h.server.db
        .prepare('SELECT created_ms, invoice_day FROM transactions WHERE id = ?')
        .get(r.json.transaction.id) as { created_ms: number; invoice_day: string }
      expect(row).toEqual({ created_ms: ms, invoice_day: day })
      const page = await h.get('/api/v3/activities/?user=customer@stamps.co.id', tokenHeader())
      const activity = page.json.activities.find(
        (a: { transaction?: { invoice_number: string } }) => a.transaction?.invoice_number === `Y-${day}`
      )
      expect(new Date(activity.created * 1000).toISOString().slice(0, 10)).toBe(new Date(ms).toISOString().slice(0, 10))
    }
  })
})

describe('the other endpoints refuse the same values in their own envelopes', () => {
  const credit = { user: 'second@stamps.co.id', amount: 100, merchant: 14, store: 3 }
  const fields = (field: string, message: string) => ({ detail: `${field}: ${message}`, errors: { [field]: message } })
  const posts: Array<[string, string, unknown, unknown]> = [
    ['/api/balances/credit', 'hex amount', { ...credit, amount: '0x10' }, fields('amount', NUM)],
    [
      '/api/balances/credit',
      'amount 1e400',
      { ...credit, amount: '1e400' },
      fields('amount', 'Ensure this value is less than or equal to 1000000000000.')
    ],
    ['/api/balances/debit', 'hex merchant', { ...credit, merchant: '0x0E' }, fields('merchant', INT)],
    ['/api/balances/debit', 'fractional store', { ...credit, store: '3.5' }, fields('store', INT)],
    ['/api/balances/credit', 'NUL in user', { ...credit, user: 'second@stamps.co.id\u0000' }, fields('user', NUL)],
    ['/api/balances/cancel', 'hex id', { id: '0x1' }, fields('id', INT)],
    ['/api/transactions/cancel', 'hex id', { id: '0x1' }, { errors: { id: INT } }],
    ['/api/auth/get-access-token/', 'hex merchant id', { crm_merchant_id: '0xE' }, fields('crm_merchant_id', INT)]
  ]
  it.each(posts)('POST %s, %s', async (path, _name, body, expected) => {
    const r = await h.post(path, body, tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json).toEqual(expected)
  })

  const gets: Array<[string, string, unknown]> = [
    ['/api/v3/activities/?user=customer@stamps.co.id&older_than=0x10', 'hex cursor', fields('older_than', INT)],
    ['/api/v3/activities/?user=customer%00@stamps.co.id', 'NUL in user', fields('user', NUL)],
    [
      '/api/v3/activities/by-merchant-group?user=customer@stamps.co.id&merchant_id=2&merchant_id=0x5',
      'hex merchant_id',
      fields('merchant_id', INT)
    ],
    ['/api/v2/transactions/preview-earnings?store=2&total_value=0x10', 'hex total', fields('total_value', NUM)],
    [
      '/api/v2/memberships/details?user=customer@stamps.co.id&merchant=0x0E',
      'hex merchant',
      { errors: { merchant: INT }, error_message: INT, error_code: 'invalid_data', detail: `merchant: ${INT}` }
    ]
  ]
  it.each(gets)('GET %s (%s)', async (path, _name, expected) => {
    const r = await h.get(path, tokenHeader())
    expect(r.status).toBe(400)
    expect(r.json).toEqual(expected)
  })
})
