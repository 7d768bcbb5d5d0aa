/**
 * Development harness only (never used by the committed specs, which drive `npm run serve`):
 * the ui server over a router whose member handlers read the embedded sandbox over http. Lets
 * the renderer be developed and screenshotted before the real host exists.
 *
 *   ./node_modules/.bin/tsx tests/e2e/support/dev-harness.ts [--sales 45]
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSandboxServer } from '../../../src/server/create-sandbox-server'
import { createIpcRouter, IpcRefusal } from '../../../src/main/ipc/ipc-router'
import { startUiServer } from '../../../src/main/host/ui-server'
import { EMBEDDED_DEFAULTS } from '../../../src/main/settings/settings-schema'

const { values } = parseArgs({ options: { sales: { type: 'string', default: '45' }, port: { type: 'string', default: '0' } } })
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-dev-'))
  const sandbox = await startSandboxServer({ port: 0, dbPath: join(dir, 'sandbox.db'), seed: 'demo' })
  const auth = { authorization: `Token ${EMBEDDED_DEFAULTS.key}` }

  async function call(path: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
    const res = await fetch(`${sandbox.url}${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...init.headers } })
    const body = (await res.json()) as Record<string, unknown>
    if (res.status === 404 || (res.status === 400 && JSON.stringify(body).includes('not'))) throw new IpcRefusal('not-found', 'member not found')
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`)
    return body
  }

  for (let i = 0; i < Number(values.sales); i++) {
    await call('/api/transactions/add', {
      method: 'POST',
      body: JSON.stringify({ user: 'customer@stamps.co.id', store: 2, invoice_number: `DEV-${i}`, total_value: 25_000 + i * 1_000, items: [] })
    })
  }

  const mask = (name: string): string => name.split(' ').map((w) => `${w[0]}${'*'.repeat(Math.max(1, w.length - 1))}`).join(' ')

  const router = createIpcRouter({
    'status:get': async () => ({
      upstream: { reachable: true, embedded: true, checkedAt: Date.now() },
      queue: { pending: 0, failed: 0 },
      printer: { state: 'ok', held: 0 },
      scanner: { state: 'none' },
      mode: 'kiosk',
      language: 'id',
      idleTimeoutSeconds: 60
    }),
    'member:lookup': async ({ query }) => {
      const r = await call(`/api/v2/memberships/details?user=${encodeURIComponent(query)}&merchant=${EMBEDDED_DEFAULTS.merchant}`)
      const m = r.membership as Record<string, unknown>
      const u = r.user as Record<string, unknown>
      const card = m.primary_card as { number: string } | null
      return {
        user: String(u.email ?? query),
        name: mask(String(u.name)),
        cardLast4: card ? card.number.slice(-4) : null,
        level: Number(m.level),
        levelText: String(m.level_text),
        stamps: Number(m.stamps),
        balance: Number(m.balance),
        isBlocked: Boolean(m.is_blocked)
      }
    },
    'member:activities': async ({ user, olderThan }) => {
      const r = await call(`/api/v3/activities/?user=${encodeURIComponent(user)}${olderThan ? `&older_than=${olderThan}` : ''}`)
      const activities = r.activities as Array<{ id: number; type: number }>
      return { activities, hasMore: activities.length === 20 }
    },
    'member:print-slip': async () => ({ jobId: 1 })
  })

  const token = randomBytes(24).toString('base64url')
  const ui = await startUiServer({ rendererDir: resolve('out/renderer'), router, token, port: Number(values.port), host: '127.0.0.1' })
  process.stdout.write(`sandbox: ${sandbox.url}\nui: ${ui.url}\n`)
}

void main()
