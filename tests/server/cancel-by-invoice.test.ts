/** POST /api/v2/transactions/cancel (digest 4.3) over real HTTP: the documented example, every refusal, XML. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { activitiesResponseSchema, cancelTransactionByInvoiceResponseSchema } from '../../src/shared/stamps'
import { parseStampsXml } from '../../src/shared/stamps/xml-codec'
import { ACE_KEY, startHarness, tokenHeader, type Harness } from './sandbox-harness'

const PATH = '/api/v2/transactions/cancel'
const USER = 'customer@stamps.co.id'
// rewards-vouchers.md 4.3, the example body
const DOC_BODY = `{"invoice_number": "ABCD123", "date": "2021-02-01"}`
const NOT_FOUND = { detail: 'Cannot find transaction of the requested transaction id' }
const INSUFFICIENT = { errors: { info: "Transaction can't be canceled due to insufficient Stamps" } }
const XML_HEADERS = { ...tokenHeader(), 'Content-Type': 'application/xml', Accept: 'application/xml' }

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(() => h.stop())

/** Posts a sale of the demo merchant; `created` fixes the day it counts on. */
async function sell(invoice: string, total: number, extra: Record<string, unknown> = {}): Promise<number> {
  const r = await h.post(
    '/api/transactions/add',
    { user: USER, store: 32, invoice_number: invoice, total_value: total, ...extra },
    tokenHeader()
  )
  expect(r.status, r.text).toBe(200)
  return r.json.transaction.id as number
}
const stamps = (): number =>
  h.server.db
    .prepare('SELECT stamps FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = ?)')
    .pluck()
    .get(USER) as number
const statusOf = (id: number): number =>
  h.server.db.prepare('SELECT status FROM transactions WHERE id = ?').pluck().get(id) as number

describe('POST /api/v2/transactions/cancel', () => {
  it('the documented example: 200 with the canceled transaction and the member after it', async () => {
    const id = await sell('ABCD123', 30_000, { created: '2021-02-01T10:00:00+07' })
    const before = stamps()
    const r = await h.post(PATH, DOC_BODY, tokenHeader())
    expect(r.status, r.text).toBe(200)
    expect(r.headers.get('vary')).toBe('Accept')
    expect(r.headers.get('allow')).toBe('POST, OPTIONS')
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(cancelTransactionByInvoiceResponseSchema.parse(r.json)).toBeTruthy()
    expect(r.json).toEqual({
      transaction: { stamps_earned: 3, id, value: 30_000, status: 'Canceled' },
      membership: {
        tags: [],
        status: 1,
        status_text: 'Blue',
        stamps: before - 3,
        balance: 0,
        is_blocked: false,
        referral_code: expect.any(String),
        start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
      }
    })
    // the documented key order, field for field
    expect(Object.keys(r.json.transaction)).toEqual(['stamps_earned', 'id', 'value', 'status'])
    expect(Object.keys(r.json.membership)).toEqual([
      'tags',
      'status',
      'status_text',
      'stamps',
      'balance',
      'is_blocked',
      'referral_code',
      'start_date',
      'created'
    ])
    const feed = activitiesResponseSchema.parse((await h.get(`/api/v3/activities/?user=${USER}`, tokenHeader())).json)
    expect(feed.activities.find((a) => a.transaction?.invoice_number === 'ABCD123')?.transaction?.status).toBe(2)
  })

  it('takes the merchant key as a body token too', async () => {
    await sell('TOK-1', 20_000, { created: '2021-02-02T10:00:00+07' })
    const r = await h.post(PATH, { token: 'aaaabbbbccccddddeeeefffff', invoice_number: 'TOK-1', date: '2021-02-02' })
    expect(r.status).toBe(200)
    expect(r.json.transaction.stamps_earned).toBe(2)
  })

  it('404 with the documented text: unknown invoice, wrong day, another merchant', async () => {
    await sell('NF-1', 10_000, { created: '2021-03-01T10:00:00+07' })
    for (const [body, headers] of [
      [{ invoice_number: 'NO-SUCH', date: '2021-03-01' }, tokenHeader()],
      [{ invoice_number: 'NF-1', date: '2021-03-02' }, tokenHeader()],
      [{ invoice_number: 'NF-1', date: '2021-03-01' }, tokenHeader(ACE_KEY)]
    ] as const) {
      const r = await h.post(PATH, body, headers)
      expect([r.status, r.json]).toEqual([404, NOT_FOUND])
    }
    expect(statusOf(await sell('NF-2', 10_000))).toBe(1)
  })

  it("`date` is the store's local day (Asia/Jakarta), not the UTC one", async () => {
    // 00:30 in Jakarta on 1 March is still 29 February in UTC
    const id = await sell('TZ-1', 10_000, { created: '2024-03-01T00:30:00+07:00' })
    expect((await h.post(PATH, { invoice_number: 'TZ-1', date: '2024-02-29' }, tokenHeader())).status).toBe(404)
    const r = await h.post(PATH, { invoice_number: 'TZ-1', date: '2024-03-01' }, tokenHeader())
    expect([r.status, r.json.transaction.id]).toEqual([200, id])
  })

  it('400 insufficient Stamps when the member spent them; nothing changes', async () => {
    const id = await sell('INS-1', 50_000, { created: '2021-04-01T10:00:00+07' })
    h.server.db.prepare('UPDATE memberships SET stamps = 2').run()
    const r = await h.post(PATH, { invoice_number: 'INS-1', date: '2021-04-01' }, tokenHeader())
    expect([r.status, r.json]).toEqual([400, INSUFFICIENT])
    expect([statusOf(id), stamps()]).toEqual([1, 2])
  })

  it('reverses a sale exactly once: a second cancel, even a simultaneous one, is refused', async () => {
    const body = { invoice_number: 'DBL-1', date: '2021-05-01' }
    const id = await sell('DBL-1', 40_000, { created: '2021-05-01T10:00:00+07' })
    const before = stamps()
    const answers = await Promise.all([h.post(PATH, body, tokenHeader()), h.post(PATH, body, tokenHeader())])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
    expect(answers.find((a) => a.status === 400)!.json).toEqual({
      errors: { info: 'Transaction has already been canceled' }
    })
    const again = await h.post(PATH, body, tokenHeader())
    expect([again.status, again.json]).toEqual([400, { errors: { info: 'Transaction has already been canceled' } }])
    expect([statusOf(id), stamps()]).toEqual([2, before - 4])
  })

  it('missing or malformed fields: 400 in the bare errors object the legacy cancel uses', async () => {
    const missing = await h.post(PATH, {}, tokenHeader())
    expect([missing.status, missing.json]).toEqual([
      400,
      { errors: { invoice_number: 'This field is required.', date: 'This field is required.' } }
    ])
    const dateFormat = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'
    for (const date of ['2021-02-30', '01-02-2021', '2021-02-01T10:00:00', '']) {
      const r = await h.post(PATH, { invoice_number: 'X', date }, tokenHeader())
      expect([r.status, r.json], date).toEqual([400, { errors: { date: dateFormat } }])
    }
    const blank = await h.post(PATH, { invoice_number: ' ', date: '2021-02-01' }, tokenHeader())
    expect([blank.status, blank.json]).toEqual([400, { errors: { invoice_number: 'This field may not be blank.' } }])
  })

  it('checks credentials, then the method', async () => {
    expect((await h.post(PATH, DOC_BODY)).status).toBe(403)
    const get = await h.get(PATH, tokenHeader())
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, OPTIONS'])
  })

  it('speaks XML in and out, refusals included', async () => {
    const id = await sell('777', 20_000, { created: '2021-06-01T10:00:00+07' })
    const xml = (invoice: string) =>
      `<?xml version="1.0" encoding="UTF-8" ?><root><invoice_number>${invoice}</invoice_number><date>2021-06-01</date></root>`
    const ok = await h.post(PATH, xml('777'), XML_HEADERS)
    expect([ok.status, ok.headers.get('content-type')]).toEqual([200, 'application/xml'])
    const doc = parseStampsXml(ok.text)
    expect(doc.transaction).toEqual({ stamps_earned: '2', id: String(id), value: '20000', status: 'Canceled' })
    // DRF's XML renderer spells booleans the Python way
    expect(doc.membership).toMatchObject({ tags: '', status_text: 'Blue', is_blocked: 'False' })
    const again = await h.post(PATH, xml('777'), XML_HEADERS)
    expect([again.status, parseStampsXml(again.text)]).toEqual([
      400,
      { errors: { info: 'Transaction has already been canceled' } }
    ])
    const missing = await h.post(PATH, xml('NOPE-X'), XML_HEADERS)
    expect([missing.status, parseStampsXml(missing.text)]).toEqual([404, NOT_FOUND])
  })

  // rewards-vouchers.md, inconsistencies item 17: no store in the call, invoices unique per store per day here
  it('refuses, and cancels neither, when two stores of the merchant hold the invoice that day', async () => {
    const created = '2021-07-01T10:00:00+07'
    const a = await sell('TWIN-1', 10_000, { created, store: 2 })
    const b = await sell('TWIN-1', 20_000, { created, store: 3 })
    // the same invoice at another merchant of the group is not the caller's: no ambiguity from it
    const ace = await h.post(
      '/api/transactions/add',
      { user: USER, store: 301, invoice_number: 'SOLO-1', total_value: 10_000, created },
      tokenHeader(ACE_KEY)
    )
    expect(ace.status).toBe(200)
    const before = stamps()
    const r = await h.post(PATH, { invoice_number: 'TWIN-1', date: '2021-07-01' }, tokenHeader())
    expect([r.status, r.json]).toEqual([
      400,
      {
        errors: {
          invoice_number:
            'More than one store has a transaction with this invoice number on this date; cancel it by its id'
        }
      }
    ])
    expect([statusOf(a), statusOf(b), stamps()]).toEqual([1, 1, before])
    // the legacy cancel by id still reaches either sale
    expect((await h.post('/api/transactions/cancel', { id: b }, tokenHeader())).status).toBe(200)
    expect([statusOf(a), statusOf(b)]).toEqual([1, 2])
    await sell('SOLO-1', 10_000, { created })
    const solo = await h.post(PATH, { invoice_number: 'SOLO-1', date: '2021-07-01' }, tokenHeader())
    expect(solo.status).toBe(200)
  })
})
