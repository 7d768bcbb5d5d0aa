/**
 * Kiosk mode through the real browser host: a till's screen is switched to kiosk mode by the
 * admin, live, and the same WebSocket loses every desk channel and desk event at once (even with
 * the admin's PIN session still open), while the member screens' channels keep working.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ipcChannels, type IpcChannel, type IpcResult } from '../../shared/ipc'
import { DEMO_KEYS, DEMO_MEMBERS } from '../../shared/stamps/demo'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { loadSettings } from '../settings/settings-store'
import { startHost, type Host } from './start-host'

const tmp = tempDir('kiosk-mode-')
let host: Host
let bridgeToken: string

/** A screen's socket: calls by id, and every event it was pushed, in order. */
interface Screen {
  call(channel: string, payload: unknown): Promise<IpcResult<unknown>>
  events: string[]
  close(): void
}

async function openScreen(): Promise<Screen> {
  const ws = new WebSocket(host.uiUrl!.replace(/^http/, 'ws').replace('/?', '/ipc?'))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const waiting = new Map<number, (r: IpcResult<unknown>) => void>()
  const events: string[] = []
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: IpcResult<unknown>; event?: string }
    if (typeof msg.event === 'string') events.push(msg.event)
    else if (typeof msg.id === 'number' && msg.result) waiting.get(msg.id)?.(msg.result)
  })
  let nextId = 1
  return {
    events,
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        ws.send(JSON.stringify({ id, channel, payload }))
      }),
    close: () => ws.close()
  }
}

/** A sale through the receipt bridge, as a host POS posts one. */
async function bridgeSale(invoice: string): Promise<void> {
  const res = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${bridgeToken}` },
    body: JSON.stringify({
      user: DEMO_MEMBERS.customer.email,
      store: 2,
      invoice_number: invoice,
      total_value: 25_000
    })
  })
  expect(res.status).toBe(200)
}

/** The invoices the embedded sandbox holds for the demo member (its own records, not the host's). */
async function invoicesInSandbox(): Promise<string[]> {
  const url = `${host.sandboxUrl}/api/v3/activities/?user=${DEMO_MEMBERS.customer.email}&token=${DEMO_KEYS.coffee}`
  const body = (await (await fetch(url)).json()) as { activities: Array<{ transaction?: { invoice_number: string } }> }
  return body.activities.flatMap((a) => (a.transaction ? [a.transaction.invoice_number] : []))
}

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'index.html'), '<!doctype html><title>kiosk</title>')
  writeFileSync(
    join(tmp.dir, 'settings.json'),
    JSON.stringify({
      ui: { port: 0 },
      bridge: { port: 0 },
      scanner: 'none',
      language: 'en',
      kiosk: { mode: 'cashier' }
    })
  )
  const loaded = loadSettings(['--data-dir', tmp.dir], {})
  bridgeToken = loaded.bridgeToken
  host = await startHost({ loaded, rendererDir: tmp.dir, log: () => {} })
})
afterAll(async () => {
  await host?.close()
  tmp.remove()
})

describe('kiosk mode on the browser host', () => {
  it('takes every desk channel and desk event away from an open screen the moment the admin switches it on', async () => {
    const screen = await openScreen()
    expect(await screen.call('auth:unlock', { role: 'admin', pin: '0000' })).toMatchObject({ ok: true })
    expect(await screen.call('outbox:list', {})).toMatchObject({ ok: true })
    await bridgeSale('KIOSK-MODE-DESK')
    await waitFor(() => screen.events.includes('outbox:changed'), 'the desk to hear of the queue')

    const saved = await screen.call('settings:save', { patch: { kiosk: { mode: 'kiosk' } } })
    expect(saved).toMatchObject({ ok: true })
    expect(host.caller()).toEqual({ kiosk: true })
    await waitFor(() => screen.events.includes('status:changed'), 'the screen to hear of kiosk mode')

    // The admin's session is still open: a kiosk connection is refused whatever it holds.
    for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
      if (ipcChannels[channel].kiosk) continue
      expect(await screen.call(channel, {}), channel).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String), fields: [['mode', 'kiosk']] }
      })
    }
    const sale = { user: DEMO_MEMBERS.customer.email, invoiceNumber: 'KIOSK-MODE-FORBIDDEN', totalValue: 99_000 }
    expect(await screen.call('sale:submit', sale)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await invoicesInSandbox()).not.toContain('KIOSK-MODE-FORBIDDEN')

    // A queue change after the switch reaches the host's own listeners but not the kiosk.
    const pushed: string[] = []
    const off = host.onEvent((event) => void pushed.push(event))
    const heardBefore = screen.events.length
    await bridgeSale('KIOSK-MODE-KIOSK')
    await waitFor(() => pushed.includes('outbox:changed'), 'the host to announce the queue change')
    off()
    // Messages on one socket arrive in order: anything pushed before this answer has arrived.
    expect(await screen.call('status:get', {})).toMatchObject({ ok: true, data: { mode: 'kiosk' } })
    expect(screen.events.slice(heardBefore)).not.toContain('outbox:changed')

    // What the member screens call still works, masked as a kiosk shows it.
    const member = await screen.call('member:lookup', { query: DEMO_MEMBERS.customer.cardNumber })
    if (!member.ok) throw new Error(JSON.stringify(member.error))
    const { user, name } = member.data as { user: string; name: string }
    expect(name).not.toBe(DEMO_MEMBERS.customer.name)
    expect(name).toMatch(/\*/)
    const history = await screen.call('member:activities', { user })
    expect(history).toMatchObject({ ok: true })
    expect(JSON.stringify(history)).toContain('KIOSK-MODE-KIOSK')
    // The group's history (the member at other merchants) is the till's, on its own channel.
    expect(await screen.call('member:activities', { user, merchantIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await screen.call('member:print-slip', { user })).toMatchObject({
      ok: true,
      data: { jobId: expect.any(Number) }
    })
    screen.close()
  })
})
