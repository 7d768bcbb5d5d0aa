/** The client against the real sandbox (demo seed), directly and through the fault proxy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { StampsClient } from './stamps-client'
import { StampsError } from './stamps-error'

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

let seq = 0
const invoice = () => `SBX-${Date.now()}-${++seq}`

describe('StampsClient against the real sandbox (demo seed)', () => {
  let sandbox: TestSandbox
  let client: StampsClient
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    client = new StampsClient({
      baseUrl: sandbox.url,
      credential: { kind: 'token', key: DEMO.key },
      reconcileSettleMs: 20
    })
  })
  afterAll(async () => {
    client.close()
    await sandbox.stop()
  })

  it('pings as merchant 14, with the static key and with a Bearer JWT', async () => {
    expect((await client.ping()).pong.merchant_id).toBe(DEMO.merchantId)
    const jwt = new StampsClient({
      baseUrl: sandbox.url,
      credential: { kind: 'jwt', key: DEMO.key, merchantId: DEMO.merchantId }
    })
    expect((await jwt.ping()).pong.merchant_id).toBe(DEMO.merchantId)
    jwt.close()
  })

  it('posts sales to every demo store in JSON and XML; a repeat is kind duplicate', async () => {
    for (const [i, store] of DEMO.stores.entries()) {
      const inv = invoice()
      const sale = {
        user: DEMO.customer,
        store,
        invoice_number: inv,
        total_value: 50000,
        subtotal: 40000,
        items: [
          { product_name: 'Cappucino', quantity: 2, price: 10000 },
          { product_name: 'Iced Tea', quantity: 4, price: 5000 }
        ]
      }
      const res = await client.addTransaction(sale, { format: i % 2 ? 'xml' : 'json' })
      expect(res.transaction).toMatchObject({ stamps_earned: 5, value: 50000 })
      const dup = await caught(client.addTransaction(sale, { format: i % 2 ? 'json' : 'xml' }))
      expect(dup).toMatchObject({ kind: 'duplicate', ambiguous: false })
      expect(sandbox.salesCount().get(`${store}|${inv}`)).toBe(1)
    }
  })

  it('reads membership by email and card, previews earnings and lists activities', async () => {
    const byEmail = await client.membership({ user: DEMO.customer, merchant: DEMO.merchantId })
    const byCard = await client.membership({ user: DEMO.card, merchant: DEMO.merchantId })
    expect(byCard.user.id).toBe(byEmail.user.id)
    expect((await client.previewEarnings({ user: DEMO.customer, store: 32, total_value: 150000 })).stamps).toBe(15)
    const { activities } = await client.activities({ user: DEMO.customer })
    expect(activities.length).toBeGreaterThan(0)
    const group = await client.groupActivities({ user: DEMO.customer, merchant_id: [14, 2] })
    expect(Array.isArray(group.activities)).toBe(true)
  })

  it('cancels a transaction, and maps an unknown id to not-found', async () => {
    const res = await client.addTransaction({
      user: DEMO.second,
      store: 3,
      invoice_number: invoice(),
      total_value: 20000
    })
    const canceled = await client.cancelTransaction(res.transaction.id)
    expect(canceled.transaction.status).toBe('Canceled')
    expect(await caught(client.cancelTransaction(99_999_999))).toMatchObject({ kind: 'not-found', status: 404 })
  })

  it('cancels by invoice number and day (v2), mapping 404 and insufficient stamps', async () => {
    const inv = invoice()
    const created = '2021-02-01T23:30:00+07:00'
    const res = await client.addTransaction({
      user: DEMO.second,
      store: 3,
      invoice_number: inv,
      total_value: 30000,
      created
    })
    const canceled = await client.cancelTransactionByInvoice({ invoice_number: inv, date: '2021-02-01' })
    expect(canceled.transaction).toEqual({ stamps_earned: 3, id: res.transaction.id, value: 30000, status: 'Canceled' })
    expect(canceled.membership).toMatchObject({ status_text: 'Blue', stamps: res.customer.stamps_remaining - 3 })
    expect(await caught(client.cancelTransactionByInvoice({ invoice_number: inv, date: '2021-02-02' }))).toMatchObject({
      kind: 'not-found',
      status: 404,
      detail: 'Cannot find transaction of the requested transaction id'
    })
    const again = await caught(client.cancelTransactionByInvoice({ invoice_number: inv, date: '2021-02-01' }))
    expect(again).toMatchObject({
      kind: 'validation',
      fieldErrors: [['info', 'Transaction has already been canceled']]
    })
    const spent = invoice()
    await client.addTransaction({ user: DEMO.second, store: 3, invoice_number: spent, total_value: 30000, created })
    sandbox.db
      .prepare('UPDATE memberships SET stamps = 0 WHERE user_id = (SELECT id FROM users WHERE email = ?)')
      .run(DEMO.second)
    expect(
      await caught(client.cancelTransactionByInvoice({ invoice_number: spent, date: '2021-02-01' }))
    ).toMatchObject({
      kind: 'validation',
      ambiguous: false,
      fieldErrors: [['info', "Transaction can't be canceled due to insufficient Stamps"]]
    })
  })

  it('credits, debits and cancels a balance update; an overdraft is not-posted with a field error', async () => {
    const credit = await client.credit({ user: DEMO.second, amount: 10_000, merchant: 14, store: 3 })
    expect(credit.outcome).toBe('posted')
    const over = await client.debit({ user: DEMO.second, amount: 10_000_000, merchant: 14, store: 3 })
    expect(over.outcome === 'not-posted' && over.error.kind).toBe('validation')
    expect(over.outcome === 'not-posted' && over.error.fieldErrors.map(([f]) => f)).toContain('amount')
    if (credit.outcome !== 'posted' || credit.balance_update_id === null) throw new Error('no id')
    expect((await client.cancelBalance(credit.balance_update_id)).balance_update.status).toBe('Canceled')
  })

  it('maps the documented error envelopes: wrong key, unknown member, plain http', async () => {
    const wrong = new StampsClient({ baseUrl: sandbox.url, credential: { kind: 'token', key: 'nope' } })
    expect(await caught(wrong.ping())).toMatchObject({ kind: 'auth', status: 401 })
    wrong.close()
    const unknown = await caught(client.membership({ user: 'nobody@example.com', merchant: 14 }))
    expect(unknown).toMatchObject({ kind: 'validation', fieldErrors: [['__all__', 'User not found']] })
    const https = await startTestSandbox({ requireHttps: true })
    const plain = new StampsClient({ baseUrl: https.url, credential: { kind: 'token', key: DEMO.key } })
    expect(await caught(plain.ping())).toMatchObject({ kind: 'https', status: 403 })
    plain.close()
    await https.stop()
  })

  describe('through the fault proxy', () => {
    let proxy: FaultProxy
    let faulty: StampsClient
    beforeAll(async () => {
      proxy = await startFaultProxy({ port: sandbox.port })
      faulty = new StampsClient({
        baseUrl: proxy.url,
        credential: { kind: 'token', key: DEMO.key },
        timeoutMs: 400,
        reconcileSettleMs: 30,
        retry: { baseMs: 10, capMs: 50 }
      })
    })
    afterAll(async () => {
      faulty.close()
      await proxy.close()
    })

    it('a sale whose answer was lost is retried and answers duplicate: posted once', async () => {
      await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
      const inv = invoice()
      const pending = caught(
        faulty.addTransaction({ user: DEMO.customer, store: 84, invoice_number: inv, total_value: 30000 })
      )
      while (proxy.stats.resets === 0) await new Promise((r) => setTimeout(r, 1))
      await proxy.setMode({ kind: 'pass' })
      expect((await pending).kind).toBe('duplicate')
      expect(sandbox.salesCount().get(`84|${inv}`)).toBe(1)
    })

    it('a credit reset after the server committed reconciles to posted and is never doubled', async () => {
      const before = sandbox.balanceUpdates()
      await proxy.setMode({ kind: 'reset-after-request', methods: ['POST'] })
      const r = await faulty.credit({ user: DEMO.customer, amount: 7_000, merchant: 14, store: 2 })
      await proxy.setMode({ kind: 'pass' })
      expect(r).toMatchObject({ outcome: 'posted', reconciled: true, transaction_number: expect.any(String) })
      expect(sandbox.balanceUpdates()).toBe(before + 1)
    })

    it('a debit refused before reaching the server reconciles to not-posted', async () => {
      const before = sandbox.balanceUpdates()
      await proxy.setMode({ kind: 'reset-before-request', methods: ['POST'] })
      const r = await faulty.debit({ user: DEMO.customer, amount: 1_000, merchant: 14, store: 2 })
      await proxy.setMode({ kind: 'pass' })
      expect(r).toMatchObject({ outcome: 'not-posted' })
      expect(sandbox.balanceUpdates()).toBe(before)
    })
  })
})
