/**
 * A tiny loopback Stamps upstream for unit tests: documented bodies only, plus counters that
 * tell a test how many times each sale and balance update really committed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  addTransactionRequestSchema,
  balanceUpdateRequestSchema,
  fieldMessages,
  parseIsoDateTime
} from '../../src/shared/stamps'
import { decodeXmlAnswer, encodeXmlBody } from '../../src/main/stamps/xml-body'

export const FAKE_KEY = 'aaaabbbbccccddddeeeefffff'
const STORES: Record<number, string> = {
  2: 'Kelapa Gading',
  3: 'Senayan City',
  32: 'Grand Indonesia',
  84: 'Pondok Indah'
}

interface FakeActivity {
  id: number
  type: number
  created: number
  user: string
  [k: string]: unknown
}

export interface FakeUpstream {
  url: string
  /** Committed sales by `store|invoice|date`: a value above 1 is a doubled sale. */
  sales: Map<string, number>
  balance: Map<string, number>
  activities: FakeActivity[]
  requests: Array<{ method: string; path: string; auth?: string }>
  /** Answer the next N requests with this status before doing anything (nothing commits). */
  failNext(n: number, status: number): void
  /** Commit, then wait this long before answering (a slow upstream). */
  answerDelayMs: number
  jwtTtlSec: number
  revokeJwts(): void
  close(): Promise<void>
}

const jakartaDate = (ms: number): string => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10)

export async function startFakeUpstream(): Promise<FakeUpstream> {
  let nextId = 1000
  let failures: { n: number; status: number } = { n: 0, status: 0 }
  let jwtGeneration = 0
  const txByKey = new Map<string, number>()
  const fake: FakeUpstream = {
    url: '',
    sales: new Map(),
    balance: new Map(),
    activities: [],
    requests: [],
    failNext: (n, status) => {
      failures = { n, status }
    },
    answerDelayMs: 0,
    jwtTtlSec: 86_400,
    revokeJwts: () => {
      jwtGeneration++
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }

  const authorized = (auth: string | undefined): boolean => {
    if (auth === `Token ${FAKE_KEY}`) return true
    const m = /^Bearer [^.]+\.([^.]+)\./.exec(auth ?? '')
    if (!m) return false
    const p = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as { exp: number; gen: number }
    return p.gen === jwtGeneration && p.exp * 1000 > Date.now()
  }

  const handle = async (req: IncomingMessage, text: string): Promise<[number, unknown]> => {
    const url = new URL(req.url ?? '/', 'http://x')
    fake.requests.push({ method: req.method ?? '', path: url.pathname, auth: req.headers.authorization })
    if (failures.n > 0) {
      failures.n--
      return [failures.status, { detail: 'injected' }]
    }
    const body = (text.trimStart().startsWith('<') ? decodeXmlAnswer(text) : text ? JSON.parse(text) : {}) as Record<
      string,
      unknown
    >
    if (url.pathname === '/api/auth/get-access-token/') {
      if (body.token !== FAKE_KEY) return [401, { detail: 'Invalid token' }]
      const iat = Math.floor(Date.now() / 1000)
      const payload = Buffer.from(JSON.stringify({ iat, exp: iat + fake.jwtTtlSec, gen: jwtGeneration })).toString(
        'base64url'
      )
      return [200, { access_token: `h.${payload}.s` }]
    }
    if (!req.headers.authorization) return [403, { detail: 'Authentication credentials were not provided.' }]
    if (!authorized(req.headers.authorization)) return [401, { detail: 'Invalid token' }]
    const user = String(body.user ?? body.user_email ?? url.searchParams.get('user') ?? '').toLowerCase()
    const now = Date.now()
    switch (url.pathname) {
      case '/api/ping':
        return [200, { pong: { merchant: 'Fake', merchant_id: 14 } }]
      case '/api/transactions/add': {
        const r = addTransactionRequestSchema.safeParse(body)
        if (!r.success)
          return [
            400,
            {
              detail: 'Your transaction cannot be completed due to the following error(s)',
              errors: r.error.issues.map((i) => ({ [String(i.path[0])]: 'This field is required.' }))
            }
          ]
        if (!STORES[r.data.store])
          return [
            400,
            {
              detail: 'Your transaction cannot be completed due to the following error(s)',
              errors: [{ store: 'Store does not exist' }]
            }
          ]
        const at = r.data.created ? parseIsoDateTime(r.data.created) : now
        const key = `${r.data.store}|${r.data.invoice_number}|${jakartaDate(at)}`
        if (txByKey.has(key))
          return [
            400,
            {
              detail: 'Your transaction cannot be completed due to the following error(s)',
              errors: [{ invoice_number: 'Invoice number already exists for this store today' }]
            }
          ]
        const id = ++nextId
        txByKey.set(key, id)
        fake.sales.set(key, (fake.sales.get(key) ?? 0) + 1)
        const earned = Math.floor(r.data.total_value / 10_000)
        fake.activities.unshift({
          id: ++nextId,
          type: 0,
          created: Math.floor(at / 1000),
          user,
          merchant: { id: 14, name: 'Fake' },
          store: { name: STORES[r.data.store]!, display_name: STORES[r.data.store]! },
          transaction: {
            stamps: earned,
            name: `Transaction #${id}`,
            status: 1,
            invoice_number: r.data.invoice_number,
            channel: 'POS'
          }
        })
        return [
          200,
          {
            customer: { status: 'Blue', id: 17, stamps_remaining: earned },
            transaction: { stamps_earned: earned, id, value: r.data.total_value }
          }
        ]
      }
      case '/api/balances/credit':
      case '/api/balances/debit': {
        const r = balanceUpdateRequestSchema.safeParse(body)
        if (!r.success)
          return [
            400,
            {
              detail: 'Invalid request',
              errors: Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]))
            }
          ]
        const sign = url.pathname.endsWith('debit') ? -1 : 1
        const current = fake.balance.get(user) ?? 0
        if (current + sign * r.data.amount < 0)
          return [400, { detail: 'Invalid request', errors: { amount: 'Insufficient balance' } }]
        fake.balance.set(user, current + sign * r.data.amount)
        const id = ++nextId
        fake.activities.unshift({
          id: ++nextId,
          type: 7,
          created: Math.floor(now / 1000),
          user,
          merchant: { id: r.data.merchant, name: 'Fake' },
          balance_update: { transaction_number: `BU${id}`, amount: sign * r.data.amount, status: 1, balance_type: 1 }
        })
        return [
          200,
          {
            customer: { id: 6, balance: current + sign * r.data.amount, status: 'Blue' },
            balance_update: { id, amount: r.data.amount }
          }
        ]
      }
      case '/api/v3/activities/': {
        const older = Number(url.searchParams.get('older_than') ?? Infinity)
        const list = fake.activities
          .filter((a) => a.user === user && a.id < older)
          .slice(0, 20)
          .map(({ user: _u, ...a }) => a)
        return [200, { activities: list }]
      }
      default:
        return [404, { detail: 'Not found.' }]
    }
  }

  const server: Server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks).toString()).then(async ([status, payload]) => {
        if (fake.answerDelayMs) await new Promise((r) => setTimeout(r, fake.answerDelayMs))
        const xml = req.headers.accept === 'application/xml'
        const out = xml && status < 500 ? toXml(payload as Record<string, unknown>) : JSON.stringify(payload)
        if (!res.destroyed)
          res.writeHead(status, { 'content-type': xml ? 'application/xml' : 'application/json' }).end(out)
      })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}

function toXml(payload: Record<string, unknown>): string {
  const { errors, ...rest } = payload
  return encodeXmlBody(
    errors ? { validation_errors: fieldMessages(payload).map(([k, v]) => ({ [k]: v })), ...rest } : rest
  )
}
