import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BRIDGE_TOKEN, startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { waitFor } from '../../../tests/support/wait-for'

/** The documents' cURL sale, as a host POS would send it to the bridge. */
const docSale = (invoice = 'abc123') => ({
  user_email: 'Customer@stamps.co.id',
  store: 2,
  invoice_number: invoice,
  total_value: 50000,
  subtotal: 40000,
  discount: 0,
  service_charge: 5000,
  tax: 50000,
  items: [
    { product_name: 'Cappucino', quantity: 2, price: 10000 },
    { product_name: 'Iced Tea', quantity: 4, price: 5000 }
  ]
})

let rig: BridgeRig
beforeEach(async () => {
  rig = await startBridgeRig()
})
afterEach(async () => {
  await rig.stop()
})

describe('receipt bridge', () => {
  it("posts the documents' sale once and answers with Stamps' own answer", async () => {
    const res = await rig.post('/api/transactions/add', docSale())
    expect(res.status).toBe(200)
    expect(res.headers.get('allow')).toBe('POST, OPTIONS')
    const body = await res.json()
    expect(body).toEqual({
      customer: { status: 'Blue', id: expect.any(Number), stamps_remaining: 5 },
      transaction: { stamps_earned: 5, id: expect.any(Number), value: 50000 }
    })
    // The POS retries (its own timeout fired): same answer, no second sale, no second receipt.
    // The POS has its answer before the receipt is queued (it is owed in the outbox row).
    const receipts = () => rig.printer.jobs().filter((j) => j.kind === 'receipt')
    await waitFor(() => receipts().length === 1, 'receipt queued after the answer')
    const again = await rig.post('/api/transactions/add', docSale())
    expect(await again.json()).toEqual(body)
    expect(rig.sandbox.salesCount().get('2|abc123')).toBe(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(receipts()).toHaveLength(1)
    expect(rig.outbox.receiptsOwed()).toEqual([])
  })

  it('accepts the token in all three credential forms and refuses others as documented', async () => {
    const bodyToken = await rig.post('/api/transactions/add', { ...docSale('t1'), token: BRIDGE_TOKEN }, {})
    expect(bodyToken.status).toBe(200)
    const bearer = await rig.post('/api/transactions/add', docSale('t2'), { authorization: `Bearer ${BRIDGE_TOKEN}` })
    expect(bearer.status).toBe(200)
    const tokenRes = await rig.post('/api/auth/get-access-token/', { token: BRIDGE_TOKEN, crm_merchant_id: 14 }, {})
    const { access_token } = (await tokenRes.json()) as { access_token: string }
    const jwt = await rig.post('/api/transactions/add', docSale('t3'), { authorization: `Bearer ${access_token}` })
    expect(jwt.status).toBe(200)
    const none = await rig.post('/api/transactions/add', docSale('t4'), {})
    expect([none.status, await none.json()]).toEqual([403, { detail: 'Authentication credentials were not provided.' }])
    const wrong = await rig.post('/api/transactions/add', docSale('t5'), {
      authorization: 'Token aaaabbbbccccddddeeeefffff'
    })
    expect([wrong.status, await wrong.json()]).toEqual([401, { detail: 'Invalid token' }])
    expect(rig.sandbox.salesCount().get('2|t4')).toBeUndefined()
  })

  it('speaks XML in and out', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" ?><root><user_email>customer@stamps.co.id</user_email><store>84</store>
      <invoice_number>x-1</invoice_number><total_value>50000</total_value><items><list-item><product_name>Cappucino</product_name>
      <quantity>2</quantity><price>10000</price></list-item></items></root>`
    const res = await rig.post('/api/transactions/add', xml, {
      authorization: `Token ${BRIDGE_TOKEN}`,
      'content-type': 'application/xml',
      accept: 'application/xml'
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/xml')
    const text = await res.text()
    expect(text).toMatch(/<stamps_earned>5<\/stamps_earned>/)
    expect(text).toMatch(/<value>50000<\/value>/)
  })

  it('refuses a bad sale with the documented error list and queues nothing', async () => {
    const res = await rig.post('/api/transactions/add', { store: 2, total_value: 'lots' })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { detail: string; errors: Array<Record<string, string>> }
    expect(body.detail).toBe('Your transaction cannot be completed due to the following error(s)')
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { invoice_number: 'This field is required.' },
        { total_value: 'A valid number is required.' }
      ])
    )
    expect(rig.outbox.list()).toHaveLength(0)
  })

  it("passes Stamps' field errors through when it refuses the sale", async () => {
    const res = await rig.post('/api/transactions/add', { ...docSale('s-9'), store: 999 })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ store: expect.stringMatching(/valid choice/) }] })
    expect(rig.outbox.list({ state: 'failed' })).toHaveLength(1)
  })

  it('answers 202 pending when Stamps is down, prints "pending", and posts once when it returns', async () => {
    await rig.proxy.setMode({ kind: 'refuse' })
    const res = await rig.post('/api/transactions/add', docSale('off-1'))
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({
      pending: true,
      invoice_number: 'off-1',
      store: 2,
      customer: { status: null, id: null, stamps_remaining: null },
      transaction: { stamps_earned: null, id: null, value: 50000 }
    })
    await waitFor(() => rig.printer.jobs().some((j) => j.kind === 'receipt'), 'pending receipt queued')
    const receipt = rig.printer.jobs().find((j) => j.kind === 'receipt')!
    await rig.printer.whenSettled(receipt.id)
    expect(
      rig.printer
        .preview(receipt.id)!
        .lines.map((l) => l.text)
        .join('\n')
    ).toMatch(/pending/i)
    await rig.proxy.setMode({ kind: 'pass' })
    rig.outbox.retryNow()
    await waitFor(() => rig.sandbox.salesCount().get('2|off-1') === 1, 'queued sale posted')
    await waitFor(() => rig.outbox.list({ state: 'posted' }).length === 1, 'outbox marks it posted')
    expect(rig.printer.jobs().filter((j) => j.kind === 'receipt')).toHaveLength(1)
  })

  it("credits and debits balances, passing Stamps' refusals through", async () => {
    const base = { user: 'customer@stamps.co.id', merchant: 14, store: 3 }
    const credit = await rig.post('/api/balances/credit', { ...base, amount: 1000 })
    expect([credit.status, await credit.json()]).toEqual([
      200,
      {
        customer: { id: expect.any(Number), balance: 1000, status: 'Blue' },
        balance_update: { id: expect.any(Number), amount: 1000 }
      }
    ])
    const over = await rig.post('/api/balances/debit', { ...base, amount: 5000 })
    expect(over.status).toBe(400)
    expect(await over.json()).toMatchObject({ errors: { amount: expect.any(String) } })
    expect(rig.sandbox.balanceUpdates()).toBe(1)
  })

  it('reconciles a credit whose answer was lost instead of crediting twice', async () => {
    await rig.proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const res = await rig.post('/api/balances/credit', {
      user: 'customer@stamps.co.id',
      merchant: 14,
      store: 3,
      amount: 700
    })
    await rig.proxy.setMode({ kind: 'pass' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ balance_update: { amount: 700 }, reconciled: true })
    expect(rig.sandbox.balanceUpdates()).toBe(1)
  })

  it('a credit reset before Stamps saw it is reconciled, and not answered "try again"', async () => {
    await rig.proxy.setMode({ kind: 'reset-before-request', methods: ['POST'] })
    const res = await rig.post('/api/balances/credit', {
      user: 'customer@stamps.co.id',
      merchant: 14,
      store: 3,
      amount: 900
    })
    await rig.proxy.setMode({ kind: 'pass' })
    const body = (await res.json()) as { detail: string; reconciled?: boolean }
    expect(res.status).toBe(503)
    // The whole request left this process, so the bridge read the history (twice) before answering.
    expect(body).toEqual({
      detail: expect.stringMatching(/most likely not applied\. Check the history/),
      reconciled: true
    })
    expect(rig.sandbox.balanceUpdates()).toBe(0)
  })

  it('passes the v2 cancel by invoice and day through, refusals and all', async () => {
    const sold = await rig.post('/api/transactions/add', { ...docSale('cx-1'), created: '2021-02-01T10:00:00+07' })
    const { transaction } = (await sold.json()) as { transaction: { id: number } }
    const cancel = { invoice_number: 'cx-1', date: '2021-02-01' }
    const res = await rig.post('/api/v2/transactions/cancel', cancel)
    expect([res.status, res.headers.get('allow')]).toEqual([200, 'POST, OPTIONS'])
    expect(await res.json()).toMatchObject({
      transaction: { stamps_earned: 5, id: transaction.id, value: 50000, status: 'Canceled' },
      membership: { status_text: 'Blue', stamps: 0 }
    })
    const again = await rig.post('/api/v2/transactions/cancel', cancel)
    expect([again.status, await again.json()]).toEqual([
      400,
      { errors: { info: 'Transaction has already been canceled' } }
    ])
    const unknown = await rig.post('/api/v2/transactions/cancel', { ...cancel, date: '2021-02-02' })
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      { detail: 'Cannot find transaction of the requested transaction id' }
    ])
    const missing = await rig.post('/api/v2/transactions/cancel', { invoice_number: 'cx-1' })
    expect([missing.status, await missing.json()]).toEqual([400, { errors: { date: 'This field is required.' } }])
  })

  it('answers 504 "check before repeating" when the v2 cancel reached Stamps but its answer was lost', async () => {
    await rig.post('/api/transactions/add', { ...docSale('cx-2'), created: '2021-02-01T10:00:00+07' })
    await rig.proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    const res = await rig.post('/api/v2/transactions/cancel', { invoice_number: 'cx-2', date: '2021-02-01' })
    await rig.proxy.setMode({ kind: 'pass' })
    expect(res.status).toBe(504)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/check before repeating/)
    const canceled = rig.sandbox.db
      .prepare("SELECT status FROM transactions WHERE invoice_number = 'cx-2'")
      .pluck()
      .all() as number[]
    expect(canceled).toEqual([2])
  })

  it('passes member lookups and activity pages through', async () => {
    const member = await rig.get('/api/v2/memberships/details?user=1234567890123&merchant=14')
    expect(member.status).toBe(200)
    expect(await member.json()).toMatchObject({
      membership: { level_text: 'Blue', primary_card: { number: '1234567890123' } },
      user: { email: 'customer@stamps.co.id' }
    })
    const unknown = await rig.get('/api/v2/memberships/details?user=nobody@example.com&merchant=14')
    expect(unknown.status).toBe(400)
    expect(await unknown.json()).toMatchObject({ error_message: 'User not found' })
    const acts = await rig.get('/api/v3/activities/?user=customer@stamps.co.id')
    expect(((await acts.json()) as { activities: Array<{ type: number }> }).activities.map((a) => a.type)).toEqual([9])
    const method = await rig.get('/api/transactions/add')
    expect([method.status, method.headers.get('allow')]).toEqual([405, 'POST, OPTIONS'])
  })
})

describe('receipt bridge logs', () => {
  it('never writes a credential from the query string into the log of a failed request', async () => {
    const { startBridge } = await import('./bridge-server')
    const lines: string[] = []
    const failing = {
      submit: async () => {
        throw new Error('disk full')
      }
    }
    const bridge = await startBridge({
      port: 0,
      token: BRIDGE_TOKEN,
      merchantId: 14,
      sales: failing as never,
      client: {} as never,
      log: (l) => lines.push(l)
    })
    try {
      const res = await fetch(`${bridge.url}/api/transactions/add?token=${BRIDGE_TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(docSale('leak1'))
      })
      expect(res.status).toBe(500)
      expect(lines.join('\n')).toContain('/api/transactions/add')
      expect(lines.join('\n')).not.toContain(BRIDGE_TOKEN)
    } finally {
      await bridge.close()
    }
  })
})
