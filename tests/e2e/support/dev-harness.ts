/**
 * Development stand-in for `npm run serve` (never used by the committed specs, which spawn the
 * real host): the ui server over a router whose handlers call the embedded sandbox over http,
 * print through the printer package to a tcp printer, and feed HID reports through the scanner
 * decoder. Takes the host's flags so the e2e specs can be tried before the host lands:
 *
 *   ./node_modules/.bin/tsx tests/e2e/support/dev-harness.ts --data-dir D --printer tcp://... [--scanner fake] [--sales 45]
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSandboxServer } from '../../../src/server/create-sandbox-server'
import { createIpcRouter, IpcRefusal } from '../../../src/main/ipc/ipc-router'
import { startUiServer } from '../../../src/main/host/browser/ui-server'
import { EMBEDDED_DEFAULTS } from '../../../src/main/settings/settings-schema'
import { encodeReceipt } from '../../../src/main/printer/escpos-encoder'
import { createTransport } from '../../../src/main/printer/create-transport'
import { createReportDecoder } from '../../../src/main/scanner/report-decoder'
import { fromHex } from '../../../src/main/scanner/scanner-types'
import { maskName, memberSlip } from '../../../src/shared/receipt/templates'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sales: { type: 'string', default: '0' },
      'ui-port': { type: 'string', default: '0' },
      'bridge-port': { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      printer: { type: 'string' },
      scanner: { type: 'string' },
      language: { type: 'string' }
    }
  })
  const dir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'kiosk-dev-'))
  const settingsPath = join(dir, 'settings.json')
  const settings = existsSync(settingsPath)
    ? (JSON.parse(readFileSync(settingsPath, 'utf8')) as { kiosk?: { idleTimeoutSeconds?: number } })
    : {}
  const sandbox = await startSandboxServer({ port: 0, dbPath: join(dir, 'sandbox.db'), seed: 'demo' })
  const auth = { authorization: `Token ${EMBEDDED_DEFAULTS.key}` }

  const call = async (path: string, init: RequestInit = {}): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { ...auth, 'content-type': 'application/json', ...init.headers }
    })
    const body = (await res.json()) as Record<string, unknown>
    if (res.status === 404 || (res.status === 400 && /not (found|exist)/i.test(JSON.stringify(body))))
      throw new IpcRefusal('not-found', 'member not found')
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`)
    return body
  }
  const sale = (user: string, invoice: string, total: number): Promise<Record<string, unknown>> =>
    call('/api/transactions/add', {
      method: 'POST',
      body: JSON.stringify({
        user,
        store: EMBEDDED_DEFAULTS.store,
        invoice_number: invoice,
        total_value: total,
        items: []
      })
    })
  for (let i = 0; i < Number(values.sales); i++) await sale('customer@stamps.co.id', `DEV-${i}`, 25_000 + i * 1_000)

  const details = async (query: string): Promise<{ m: Record<string, unknown>; u: Record<string, unknown> }> => {
    const r = await call(
      `/api/v2/memberships/details?user=${encodeURIComponent(query)}&merchant=${EMBEDDED_DEFAULTS.merchant}`
    )
    return { m: r.membership as Record<string, unknown>, u: r.user as Record<string, unknown> }
  }
  const printer = values.printer ? createTransport(values.printer) : null
  let jobId = 0

  const router = createIpcRouter({
    'status:get': async () => ({
      upstream: { reachable: true, embedded: true, checkedAt: Date.now() },
      queue: { pending: 0, failed: 0 },
      printer: { state: printer ? 'ok' : 'none', held: 0 },
      scanner: { state: values.scanner === 'fake' ? 'connected' : 'none' },
      mode: 'kiosk',
      language: values.language === 'en' ? 'en' : 'id',
      idleTimeoutSeconds: settings.kiosk?.idleTimeoutSeconds ?? 60
    }),
    'member:lookup': async ({ query }) => {
      const { m, u } = await details(query)
      const card = m.primary_card as { number: string } | null
      return {
        user: String(u.email ?? query),
        name: maskName(String(u.name)),
        cardLast4: card ? card.number.slice(-4) : null,
        level: Number(m.level),
        levelText: String(m.level_text),
        stamps: Number(m.stamps),
        balance: Number(m.balance),
        isBlocked: Boolean(m.is_blocked)
      }
    },
    'member:activities': async ({ user, olderThan }) => {
      const r = await call(
        `/api/v3/activities/?user=${encodeURIComponent(user)}${olderThan ? `&older_than=${olderThan}` : ''}`
      )
      const activities = r.activities as Array<{ id: number; type: number }>
      return { activities, hasMore: activities.length === 20 }
    },
    'member:print-slip': async ({ user }) => {
      if (!printer) throw new IpcRefusal('printer', 'no printer')
      const { m, u } = await details(user)
      const card = m.primary_card as { number: string } | null
      const receipt = memberSlip(
        {
          merchant_name: 'Demo Coffee',
          name: String(u.name),
          card_number: card?.number ?? null,
          level: String(m.level_text),
          stamps: Number(m.stamps),
          balance: Number(m.balance),
          printed_at: new Date().toISOString()
        },
        { columns: 32 }
      )
      await printer.write(encodeReceipt(receipt))
      return { jobId: ++jobId }
    },
    'sale:submit': async (s) => {
      const r = await sale(s.user, s.invoiceNumber ?? `DEV-${Date.now()}`, s.totalValue)
      const tx = r.transaction as { id: number; stamps_earned: number }
      return {
        state: 'posted',
        invoiceNumber: s.invoiceNumber ?? '',
        outboxId: tx.id,
        stampsEarned: tx.stamps_earned,
        stampsRemaining: null,
        receiptJobId: null
      }
    }
  })

  const decoder = createReportDecoder('pos')
  const token = randomBytes(24).toString('base64url')
  const ui = await startUiServer({
    rendererDir: resolve('out/renderer'),
    router,
    token,
    port: Number(values['ui-port']),
    host: '127.0.0.1',
    ...(values.scanner === 'fake' && {
      postRoutes: {
        '/test/hid-report': async (body) => {
          const hex = (body as { hex?: unknown }).hex
          if (typeof hex !== 'string') return { status: 400, body: { error: 'hex required' } }
          for (const out of decoder.push(fromHex(hex), Date.now())) {
            if (out.type === 'scan')
              ui.broadcast('scan:received', {
                source: out.scan.source,
                text: out.scan.text,
                ...(out.scan.symbology && { symbology: out.scan.symbology })
              })
          }
          return { status: 200, body: { ok: true } }
        }
      }
    })
  })
  process.stdout.write(`sandbox: ${sandbox.url}\nui: ${ui.url}\nbridge: http://127.0.0.1:0/\n`)
  const stop = (): void => void Promise.all([ui.close(), sandbox.close(), printer?.close()]).then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

void main()
