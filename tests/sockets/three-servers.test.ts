/**
 * Each of the app's three servers gets the house socket limits from the one bootstrap: a slow
 * upload is cut off, a connection over the cap is refused in the server's own voice and the
 * server serves again once the holders go, and nothing that leaves HTTP (CONNECT, an upgrade)
 * is left without an answer. Deadlines are shortened here; the production ones are checked in
 * src/platform/http/connection-guard.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { SocketLimits } from '../../src/platform/http/socket-limits'
import { rawConnect, upgradeRequest, type RawClient } from '../support/raw-http'
import { SERVER_NAMES, startServer, UI_TOKEN, type ServerName, type ServerUnderTest } from '../support/three-servers'

const FAST: Partial<SocketLimits> = { headersMs: 300, requestMs: 600, keepAliveMs: 200, idleMs: 400, checkEveryMs: 50 }

let server: ServerUnderTest | undefined
const clients: RawClient[] = []

async function start(name: ServerName, limits: Partial<SocketLimits>): Promise<ServerUnderTest> {
  server = await startServer(name, limits)
  return server
}
async function connectRaw(s: ServerUnderTest): Promise<RawClient> {
  const c = await rawConnect(s.port)
  clients.push(c)
  return c
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy()
  await server?.stop()
  server = undefined
})

describe.each(SERVER_NAMES)('the %s server', (name) => {
  it('cuts off an upload whose headers or body trickle in byte by byte', async () => {
    const s = await start(name, FAST)
    const head = `POST ${s.upload.path} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${s.upload.headers}`
    const slowHeaders = await connectRaw(s)
    void slowHeaders.trickle(`${head}X-Slow: ${'a'.repeat(400)}`, 15)
    const slowBody = await connectRaw(s)
    slowBody.socket.write(`${head}Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{"a":"`)
    void slowBody.trickle('b'.repeat(400), 15)
    expect(await slowHeaders.closed).toBeLessThan(1_500)
    expect(await slowBody.closed).toBeLessThan(2_000)
    expect(slowHeaders.text()).toMatch(/^HTTP\/1\.1 408 /)
    expect(slowBody.text()).toMatch(/^HTTP\/1\.1 408 /)
    expect((await s.probe()).status).toBe(200)
  })

  it('refuses the connection over its cap with a 503 and serves again as soon as the holders go', async () => {
    const s = await start(name, { maxConnections: 4, stalledMs: 60_000 })
    const holders = await Promise.all([1, 2, 3, 4].map(() => connectRaw(s)))
    await expect.poll(() => s.connections().open).toBe(4)
    const over = await s.probe()
    expect(over.status).toBe(503)
    expect(over.headers['retry-after']).toBe('1')
    if (s.style === 'drf')
      expect(JSON.parse(over.body)).toEqual({ detail: 'Service temporarily unavailable, try again later.' })
    else expect(over.body).toBe('Refused: too many connections, try again later.\n')

    for (const h of holders) h.socket.end()
    await Promise.all(holders.map((h) => h.closed))
    const released = Date.now()
    let again = await s.probe()
    while (again.status === 503 && Date.now() - released < 1_000) again = await s.probe()
    expect(again.status).toBe(200)
    await expect.poll(() => s.connections()).toMatchObject({ open: 0, refusing: 0, refused: expect.any(Number) })
  })

  it('answers CONNECT and every upgrade path, then serves on', async () => {
    const s = await start(name, FAST)
    const tunnel = await connectRaw(s)
    tunnel.socket.write(`CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`)
    await tunnel.closed
    expect(tunnel.text()).toMatch(/^HTTP\/1\.1 405 /)
    for (const target of s.upgradeTargets) {
      const c = await connectRaw(s)
      c.socket.write(upgradeRequest(s.port, target))
      await expect.poll(() => c.text(), { message: target }).toMatch(/^HTTP\/1\.1 \d{3} /)
      const status = Number(c.text().slice(9, 12))
      // Only the browser host switches protocols, and only at its door (the token in the query or in the first message).
      if (s.name === 'ui' && (target === `/ipc?token=${UI_TOKEN}` || target === '/ipc'))
        expect(status, target).toBe(101)
      else expect(status, target).not.toBe(101)
      c.socket.destroy()
    }
    expect((await s.probe()).status).toBe(200)
  })
})

describe('the browser host at its cap', () => {
  it('keeps the kiosk page’s WebSocket while stalled HTTP sockets give their places up', async () => {
    const s = await start('ui', { maxConnections: 3, stalledMs: 100 })
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/ipc?token=${UI_TOKEN}`)
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    const stalled = [await connectRaw(s), await connectRaw(s)]
    await new Promise((r) => setTimeout(r, 300)) // everyone, the WebSocket included, is idle past stalledMs
    const probes = await Promise.all([s.probe(), s.probe()]) // both arrive while the cap is full
    expect(probes.map((p) => p.status)).toEqual([200, 200])
    await Promise.all(stalled.map((c) => c.closed))
    expect(ws.readyState).toBe(WebSocket.OPEN)
    expect(s.connections()).toMatchObject({ evicted: 2, refused: 0 })
    ws.close()
  })
})
