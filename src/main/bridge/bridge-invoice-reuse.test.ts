/**
 * An invoice number reused by another sale is answered as Stamps answers it (400 duplicate, in
 * JSON and XML); the same sale sent again still gets its original answer, posted or pending.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BRIDGE_TOKEN, startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'
import { waitFor } from '../../../tests/support/wait-for'

const sale = (invoice: string) => ({
  user: DEMO.customer,
  store: 2,
  invoice_number: invoice,
  total_value: 50_000,
  subtotal: 40_000,
  discount: 0,
  service_charge: 5_000,
  tax: 5_000,
  items: [
    { product_name: 'Cappucino', quantity: 2, price: 10_000 },
    { product_name: 'Iced Tea', quantity: 4, price: 5_000 }
  ]
})

const xmlSale = (invoice: string, user: string, total: number): string =>
  `<?xml version="1.0" encoding="UTF-8" ?><root><user>${user}</user><store>2</store>
  <invoice_number>${invoice}</invoice_number><total_value>${total}</total_value><subtotal>40000</subtotal>
  <discount>0</discount><service_charge>5000</service_charge><tax>5000</tax><items>
  <list-item><product_name>Cappucino</product_name><quantity>2</quantity><price>10000</price></list-item>
  <list-item><product_name>Iced Tea</product_name><quantity>4</quantity><price>5000</price></list-item></items></root>`

const DUPLICATE = {
  detail: 'Your transaction cannot be completed due to the following error(s)',
  errors: [{ invoice_number: 'Transaction with this invoice number already exists' }]
}

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

const receipts = () => rig.printer.jobs().filter((j) => j.kind === 'receipt')

/** What Stamps itself (the sandbox, straight) answers the same request. */
const fromStamps = (body: string, headers: Record<string, string>) =>
  fetch(`${rig.sandbox.url}/api/transactions/add`, {
    method: 'POST',
    headers: { authorization: `Token ${DEMO.key}`, ...headers },
    body
  })

describe('an invoice number reused at the bridge', () => {
  it('answers the same sale sent again with its original answer, in every form a retry may take', async () => {
    const first = await rig.post('/api/transactions/add', sale('R-1'))
    expect(first.status).toBe(200)
    const answer = await first.json()
    await waitFor(() => receipts().length === 1, 'the receipt')
    const retries: Array<[string, unknown, Record<string, string>?]> = [
      ['the same body', sale('R-1')],
      ['a fresh time of day', { ...sale('R-1'), created: new Date().toISOString() }],
      ['the older user_email, in capitals', { ...sale('R-1'), user: undefined, user_email: 'Customer@Stamps.co.id' }],
      [
        'amounts as text, items reordered',
        { ...sale('R-1'), total_value: '50000.00', items: sale('R-1').items.reverse() }
      ],
      ['the token in the body', { ...sale('R-1'), token: BRIDGE_TOKEN }, {}]
    ]
    for (const [label, body, headers] of retries) {
      const again = await rig.post('/api/transactions/add', body, headers)
      expect([label, again.status, await again.json()]).toEqual([label, 200, answer])
    }
    const xml = await rig.post('/api/transactions/add', xmlSale('R-1', DEMO.customer, 50_000), {
      authorization: `Token ${BRIDGE_TOKEN}`,
      'content-type': 'application/xml'
    })
    expect([xml.status, await xml.json()]).toEqual([200, answer])
    expect(rig.sandbox.salesCount().get('2|R-1')).toBe(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(receipts()).toHaveLength(1)
  })

  it('refuses another member, total or items under the same invoice as Stamps does, and records nothing', async () => {
    const first = await rig.post('/api/transactions/add', sale('R-2'))
    const original = (await first.json()) as { customer: { id: number } }
    await waitFor(() => receipts().length === 1, 'the receipt')
    const others: Array<[string, unknown]> = [
      ['another member', { ...sale('R-2'), user: DEMO.second }],
      ['another total', { ...sale('R-2'), total_value: 60_000, tax: 15_000 }],
      ['other items', { ...sale('R-2'), items: [{ product_name: 'Cappucino', quantity: 4, price: 10_000 }] }],
      ['no items', { ...sale('R-2'), items: undefined }]
    ]
    for (const [label, body] of others) {
      const res = await rig.post('/api/transactions/add', body)
      const text = await res.text()
      expect([label, res.status, JSON.parse(text)]).toEqual([label, 400, DUPLICATE])
      // Nothing of the first sale (its member's id, its stamps) reaches this POS.
      expect(text).not.toContain(String(original.customer.id))
    }
    // Word for word what Stamps answers the same request.
    const stamps = await fromStamps(JSON.stringify({ ...sale('R-2'), user: DEMO.second }), {
      'content-type': 'application/json'
    })
    expect([stamps.status, await stamps.json()]).toEqual([400, DUPLICATE])

    expect(rig.outbox.list()).toHaveLength(1)
    expect(rig.outbox.list()[0]).toMatchObject({ state: 'posted', sale: { user: DEMO.customer, total_value: 50_000 } })
    expect(rig.sandbox.salesCount().get('2|R-2')).toBe(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(receipts()).toHaveLength(1)
    expect(rig.outbox.receiptsOwed()).toEqual([])
  })

  it('refuses it in XML exactly as Stamps does', async () => {
    expect((await rig.post('/api/transactions/add', sale('R-3'))).status).toBe(200)
    const headers = { 'content-type': 'application/xml', accept: 'application/xml' }
    const res = await rig.post('/api/transactions/add', xmlSale('R-3', DEMO.second, 50_000), {
      authorization: `Token ${BRIDGE_TOKEN}`,
      ...headers
    })
    const stamps = await fromStamps(xmlSale('R-3', DEMO.second, 50_000), headers)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/xml')
    const text = await res.text()
    expect(text).toContain(
      '<validation_errors><list-item><invoice_number>Transaction with this invoice number already exists</invoice_number></list-item></validation_errors>'
    )
    expect([res.status, text]).toEqual([stamps.status, await stamps.text()])
    expect(rig.outbox.list()).toHaveLength(1)
  })

  it('answers a retry of a sale still queued offline 202 pending, and another sale 400, which never posts', async () => {
    await rig.proxy.setMode({ kind: 'refuse' })
    const queued = await rig.post('/api/transactions/add', sale('R-4'))
    expect(queued.status).toBe(202)
    const pending = await queued.json()
    expect(pending).toMatchObject({ pending: true, invoice_number: 'R-4' })
    const retry = await rig.post('/api/transactions/add', sale('R-4'))
    expect([retry.status, await retry.json()]).toEqual([202, pending])
    const other = await rig.post('/api/transactions/add', { ...sale('R-4'), user: DEMO.second, total_value: 70_000 })
    expect([other.status, await other.json()]).toEqual([400, DUPLICATE])
    expect(rig.outbox.list()).toHaveLength(1)
    await waitFor(() => receipts().length === 1, 'the pending receipt')

    await rig.proxy.setMode({ kind: 'pass' })
    rig.outbox.retryNow()
    await waitFor(() => rig.outbox.list({ state: 'posted' }).length === 1, 'the queued sale to post')
    expect(rig.outbox.list()[0]).toMatchObject({ sale: { user: DEMO.customer, total_value: 50_000 } })
    expect(rig.sandbox.salesCount().get('2|R-4')).toBe(1)
    const after = await rig.post('/api/transactions/add', sale('R-4'))
    expect(after.status).toBe(200)
    expect(await after.json()).toMatchObject({ transaction: { value: 50_000, stamps_earned: 5 } })
    expect(receipts()).toHaveLength(1)
  })
})
