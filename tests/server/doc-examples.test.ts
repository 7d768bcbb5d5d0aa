/** Every example of the three Stamps documents, replayed verbatim against a running sandbox. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activitiesResponseSchema,
  addTransactionResponseSchema,
  balanceCancelResponseSchema,
  balanceUpdateResponseSchema,
  TRANSACTION_ERROR_DETAIL,
  transactionErrorsSchema
} from '../../src/shared/stamps'
import { parseStampsXml } from '../../src/shared/stamps/xml-codec'
import { KEY, startHarness, tokenHeader, type Harness } from './sandbox-harness'

// transaction-api.txt, "an example of how the API call might look like in JSON format"
const JSON_EXAMPLE = `{
   "token": "aaaabbbbccccddddeeeefffff",
   "user_email": "customer@stamps.co.id",
   "store": 32,
   "invoice_number": "abc123456",
   "total_value": 50000,
   "subtotal": 40000,
   "discount": 0,
   "service_charge": 5000,
   "tax": 5000,
   "items": [
      {
         "product_name": "Cappucino",
         "quantity": 2,
         "price": 10000
      },
      {
         "product_name": "Iced Tea",
         "quantity": 4,
         "price": 5000
      }
   ]
}`
// transaction-api.txt, cURL (JSON)
const CURL_JSON = `{ "token": "aaabbbcccdddeeeffff", "user_email": "Customer@stamps.co.id", "store": 2, "invoice_number": "abc123", "total_value": 50000, "subtotal": 40000, "discount": 0, "service_charge": 5000, "tax": 50000, "items": [{"product_name": "Cappucino", "quantity": 2, "price": 10000}, {"product_name": "Iced Tea", "quantity": 4, "price": 5000}]}`
// transaction-api.txt, cURL (XML)
const CURL_XML = `<?xml version="1.0" encoding="UTF-8" ?>
    <root>
        <token>aaaabbbbccccddddeeeefffff</token>
        <user_email>customer@stamps.co.id</user_email>
        <store>84</store>
        <total_value>50000</total_value>
        <subtotal>40000</subtotal>
        <discount>0</discount>
        <service_charge>5000</service_charge>
        <tax>5000</tax>
        <items>
            <list-item>
                <product_name>Cappucino</product_name>
                <quantity>2</quantity>
                <price>10000</price>
            </list-item>
            <list-item>
                <product_name>Iced Tea</product_name>
                <quantity>4</quantity>
                <price>5000</price>
            </list-item>
        </items>
    </root>`
/** XML carries numbers as text: read them back as numbers for the shared answer schemas. */
function xmlAnswer(text: string): unknown {
  const coerce = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => coerce(x, ''))
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, coerce(x, k)]))
    return key !== 'status' && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v
  }
  return coerce(parseStampsXml(text), '')
}
const XML_HEADERS = { 'Content-Type': 'application/xml', Accept: 'application/xml' }

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

function expectDrfHeaders(r: { headers: Headers }, allow = 'POST, OPTIONS'): void {
  expect(r.headers.get('vary')).toBe('Accept')
  expect(r.headers.get('allow')).toBe(allow)
}

describe('transaction-api.txt', () => {
  it('JSON example: 200 with customer and transaction, 5 stamps for 50000', async () => {
    const r = await h.post('/api/transactions/add', JSON_EXAMPLE)
    expect(r.status).toBe(200)
    expectDrfHeaders(r)
    expect(r.headers.get('content-type')).toBe('application/json')
    const body = addTransactionResponseSchema.parse(r.json)
    expect(Object.keys(r.json)).toEqual(['customer', 'transaction'])
    expect(body.customer).toMatchObject({ status: 'Blue', stamps_remaining: 5 })
    expect(body.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
  })

  it('cURL JSON line (second key, mixed-case email): 200, stamps add up for the same member', async () => {
    const r = await h.post('/api/transactions/add', CURL_JSON)
    expect(r.status).toBe(200)
    expect(r.json.customer.stamps_remaining).toBe(10)
    expect(r.json.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
  })

  it('cURL XML line as printed (no invoice_number): 400 in the documented XML error form', async () => {
    const r = await h.post('/api/transactions/add', CURL_XML, XML_HEADERS)
    expect(r.status).toBe(400)
    expectDrfHeaders(r)
    expect(r.headers.get('content-type')).toBe('application/xml')
    expect(r.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    expect(parseStampsXml(r.text)).toEqual({
      validation_errors: [{ invoice_number: 'This field is required.' }],
      detail: TRANSACTION_ERROR_DETAIL
    })
  })

  it('cURL XML with an invoice number: 200 in XML', async () => {
    const r = await h.post(
      '/api/transactions/add',
      CURL_XML.replace('<store>', '<invoice_number>xml-1</invoice_number><store>'),
      XML_HEADERS
    )
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/xml')
    const body = addTransactionResponseSchema.parse(xmlAnswer(r.text))
    expect(body.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
    expect(body.customer.stamps_remaining).toBe(15)
  })

  it('XML request without Accept answers JSON (the default)', async () => {
    const r = await h.post(
      '/api/transactions/add',
      CURL_XML.replace('<store>', '<invoice_number>xml-2</invoice_number><store>'),
      {
        'Content-Type': 'application/xml'
      }
    )
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(addTransactionResponseSchema.parse(r.json).transaction.stamps_earned).toBe(5)
  })

  it('field errors (JSON): the errors list names the item field and the bad store', async () => {
    const bad = JSON.parse(JSON_EXAMPLE)
    bad.store = 9999
    bad.invoice_number = 'err-1'
    delete bad.items[0].price
    const r = await h.post('/api/transactions/add', bad)
    expect(r.status).toBe(400)
    expectDrfHeaders(r)
    expect(transactionErrorsSchema.parse(r.json)).toEqual({
      detail: TRANSACTION_ERROR_DETAIL,
      errors: [
        { price: 'This field is required.' },
        { store: 'Select a valid choice. That choice is not one of the available choices.' }
      ]
    })
  })

  it('field errors (XML): validation_errors with one list-item per error', async () => {
    const xml = CURL_XML.replace('<store>84</store>', '<invoice_number>e</invoice_number><store>9999</store>').replace(
      '<price>10000</price>',
      ''
    )
    const r = await h.post('/api/transactions/add', xml, XML_HEADERS)
    expect(r.status).toBe(400)
    expect(parseStampsXml(r.text)).toEqual({
      validation_errors: [
        { price: 'This field is required.' },
        { store: 'Select a valid choice. That choice is not one of the available choices.' }
      ],
      detail: TRANSACTION_ERROR_DETAIL
    })
  })

  it('missing credentials: 403 with the documented detail', async () => {
    const body = JSON.parse(JSON_EXAMPLE)
    delete body.token
    const r = await h.post('/api/transactions/add', body)
    expect(r.status).toBe(403)
    expectDrfHeaders(r)
    expect(r.json).toEqual({ detail: 'Authentication credentials were not provided.' })
  })
})

describe('balance-api.txt', () => {
  let creditId = 0
  it('credit JSON example: 200, balance 1000, amount as requested', async () => {
    const r = await h.post(
      '/api/balances/credit',
      { user: 'customer@stamps.co.id', amount: 1000, type: 'stamps', merchant: 14, store: 3 },
      tokenHeader()
    )
    expect(r.status).toBe(200)
    expectDrfHeaders(r)
    const body = balanceUpdateResponseSchema.parse(r.json)
    expect(body.customer).toMatchObject({ balance: 1000, status: 'Blue' })
    expect(body.balance_update.amount).toBe(1000)
    creditId = body.balance_update.id
  })

  it('credit cURL line (no type): 200', async () => {
    const r = await h.post(
      '/api/balances/credit',
      `{ "user": "customer@stamps.co.id", "amount": 1000, "merchant": 14, "store": 3}`,
      tokenHeader()
    )
    expect(r.status).toBe(200)
    expect(r.json.customer.balance).toBe(2000)
  })

  it('debit JSON example and cURL line: 200, balance goes down by 100 each', async () => {
    const a = await h.post(
      '/api/balances/debit',
      { user: 'customer@stamps.co.id', amount: 100, type: 'stamps', merchant: 14, store: 3 },
      tokenHeader()
    )
    expect(a.status).toBe(200)
    expect(balanceUpdateResponseSchema.parse(a.json)).toMatchObject({
      customer: { balance: 1900, status: 'Blue' },
      balance_update: { amount: 100 }
    })
    const b = await h.post(
      '/api/balances/debit',
      `{ "user": "customer@stamps.co.id", "amount": 100, "merchant": 14, "store": 3}`,
      tokenHeader()
    )
    expect(b.status).toBe(200)
    expect(b.json.customer.balance).toBe(1800)
  })

  it('cancel JSON example ({"id": "<string>"}): 200 with status Canceled, balance reversed', async () => {
    const r = await h.post('/api/balances/cancel', { id: String(creditId) }, tokenHeader())
    expect(r.status).toBe(200)
    expectDrfHeaders(r)
    const body = balanceCancelResponseSchema.parse(r.json)
    expect(body).toMatchObject({
      customer: { balance: 800 },
      balance_update: { id: creditId, amount: 1000, status: 'Canceled' }
    })
  })

  it('cancel cURL line ({ "id": 123 }): 404 for an update that does not exist', async () => {
    const r = await h.post('/api/balances/cancel', '{ "id": 123 }', tokenHeader())
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ detail: 'Not found.' })
  })
})

describe('activity-api.txt', () => {
  it("cURL line /api/v3/activities?user=...: the merchant's activities, newest first", async () => {
    const r = await h.get('/api/v3/activities?user=customer@stamps.co.id', tokenHeader())
    expect(r.status).toBe(200)
    expectDrfHeaders(r, 'GET, HEAD, OPTIONS')
    const { activities } = activitiesResponseSchema.parse(r.json)
    const types = activities.map((a) => a.type)
    // 4 balance changes, 4 sales, 1 registration, newest first
    expect(types).toEqual([7, 7, 7, 7, 0, 0, 0, 0, 9])
    const ids = activities.map((a) => a.id)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
    const sale = activities.find((a) => a.type === 0)!
    expect(sale).toMatchObject({
      notes: '',
      merchant: { id: 14, name: 'Demo Coffee' },
      store: { name: 'Pondok Indah', display_name: 'Pondok Indah' },
      transaction: { stamps: 5, status: 1, invoice_number: 'xml-2', channel: 'POS' }
    })
    expect(sale.transaction!.name).toMatch(/^Transaction #\d+$/)
    expect(typeof sale.created).toBe('number')
    const credit = activities[3]!
    expect(credit.balance_update).toEqual({
      transaction_number: expect.stringMatching(/^BU-\d+$/),
      amount: 1000,
      status: 2,
      balance_type: 1
    })
    expect(activities[0]!.balance_update).toMatchObject({ amount: -100, status: 1 })
    expect(activities.at(-1)).toEqual({ id: expect.any(Number), type: 9, created: expect.any(Number), notes: '' })
  })

  it('cURL line by-merchant-group?user=...: the same member across the group', async () => {
    await h.post(
      '/api/transactions/add',
      { user: 'customer@stamps.co.id', store: 301, invoice_number: 'INV-17', total_value: 200000 },
      tokenHeader('demo-ace-key')
    )
    const r = await h.get('/api/v3/activities/by-merchant-group?user=customer@stamps.co.id', tokenHeader())
    expect(r.status).toBe(200)
    expectDrfHeaders(r, 'GET, HEAD, OPTIONS')
    const { activities } = activitiesResponseSchema.parse(r.json)
    expect(activities).toHaveLength(10)
    expect(activities[0]).toMatchObject({
      type: 0,
      merchant: { id: 5, name: 'Ace Hardware' },
      store: { name: 'A301', display_name: 'ST ACE KARAWACI MAL' },
      transaction: { stamps: 20, invoice_number: 'INV-17', status: 1 }
    })
  })

  it('the trailing-slash form of the documented endpoint answers too', async () => {
    const r = await h.get(`/api/v3/activities/?user=customer@stamps.co.id&token=${KEY}`)
    expect(r.status).toBe(200)
    expect(r.json.activities).toHaveLength(9)
  })
})
