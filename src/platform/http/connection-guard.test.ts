import { afterEach, describe, expect, it } from 'vitest'
import { rawConnect, requestOnce, upgradeRequest, type RawClient } from '../../../tests/support/raw-http'
import { createHttpApp, createStampsApp, listen, type Listening } from './create-http-app'
import { SOCKET_LIMITS, socketLimits, type SocketLimits } from './socket-limits'

/** Short deadlines so the tests do not wait the production 10-30 s. */
const FAST: Partial<SocketLimits> = { headersMs: 300, requestMs: 600, keepAliveMs: 200, idleMs: 400, checkEveryMs: 50 }

let server: Listening | undefined
let release: () => void = () => {}
const clients: RawClient[] = []
const logged: string[] = []

/** A Stamps-style app with an answer that takes as long as the test wants (`/hold`). */
async function start(limits: Partial<SocketLimits>, style: 'stamps' | 'plain' = 'stamps'): Promise<Listening> {
  const log = (line: string): void => void logged.push(line)
  const app = style === 'stamps' ? createStampsApp({ name: 'test', log, limits }) : createHttpApp({ log, limits })
  let open!: () => void
  let held = new Promise<void>((r) => (open = r))
  release = () => {
    open()
    held = new Promise<void>((r) => (open = r))
  }
  app.get('/ok', async () => ({ ok: true }))
  app.post('/echo', async (req) => ({ length: String(req.body).length }))
  app.get('/hold', async () => {
    await held
    return { held: true }
  })
  server = await listen(app, 0, '127.0.0.1')
  return server
}

async function connectRaw(s: Listening): Promise<RawClient> {
  const c = await rawConnect(s.port)
  clients.push(c)
  return c
}

afterEach(async () => {
  release()
  for (const c of clients.splice(0)) c.socket.destroy()
  await server?.close()
  server = undefined
  logged.length = 0
})

describe('socket limits', () => {
  it('keep every production deadline within the 30 s promised for a slow upload', () => {
    const l = socketLimits()
    expect(l.headersMs + l.checkEveryMs).toBeLessThanOrEqual(30_000)
    expect(l.requestMs + l.checkEveryMs).toBeLessThanOrEqual(30_000)
    expect(l.idleMs).toBeLessThanOrEqual(30_000)
    expect(l.keepAliveMs + 1_000).toBeLessThanOrEqual(30_000) // Node adds 1 s to the keep-alive deadline
    expect(l.maxConnections).toBe(512)
    expect(() => socketLimits({ headersMs: 2_000, requestMs: 1_000 })).toThrow(/headersMs/)
    expect(() => socketLimits({ maxConnections: 0 })).toThrow()
    expect(SOCKET_LIMITS).toEqual(l)
  })
})

describe('a client that stalls', () => {
  it('is cut off when it trickles its headers byte by byte, with a DRF 408', async () => {
    const s = await start(FAST)
    const c = await connectRaw(s)
    void c.trickle('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(500), 20)
    const ms = await c.closed
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(1_500)
    expect(c.text()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/)
    expect(c.text()).toContain('{"detail":"The request took too long to arrive."}')
  })

  it('is cut off when it trickles its body byte by byte', async () => {
    const s = await start(FAST)
    const c = await connectRaw(s)
    c.socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n')
    void c.trickle('b'.repeat(500), 20)
    const ms = await c.closed
    expect(ms).toBeGreaterThanOrEqual(550)
    expect(ms).toBeLessThan(2_000)
    expect(c.text()).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('is cut off when it connects and sends nothing, and when it keeps an idle socket alive', async () => {
    const s = await start(FAST)
    const silent = await connectRaw(s)
    const kept = await connectRaw(s)
    kept.socket.write('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    expect(await silent.closed).toBeLessThan(1_500)
    expect(await kept.closed).toBeLessThan(2_500) // keepAliveMs + Node's 1 s of grace
    expect(kept.text()).toMatch(/^HTTP\/1\.1 200 /)
    expect(kept.text()).toMatch(/keep-alive: timeout=0/i)
  })

  it('keeps a socket whose request is being answered past every idle deadline', async () => {
    const s = await start(FAST)
    const answer = requestOnce(`${s.url}/hold`)
    await new Promise((r) => setTimeout(r, 3 * FAST.idleMs!))
    release()
    expect(await answer).toMatchObject({ status: 200, body: '{"held":true}' })
  })
})

describe('the connection cap', () => {
  it('refuses the connection over the cap with a DRF 503, keeps serving those under it, and serves again at once', async () => {
    const s = await start({ maxConnections: 3, stalledMs: 60_000 })
    // A client under the cap with a kept-alive connection...
    const kept = await connectRaw(s)
    kept.socket.write('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    await expect.poll(() => kept.text()).toMatch(/\{"ok":true\}$/)
    const holders = [await connectRaw(s), await connectRaw(s)]
    // ...and the one over it.
    const over = await requestOnce(`${s.url}/ok`)
    expect(over.status).toBe(503)
    expect(JSON.parse(over.body)).toEqual({ detail: 'Service temporarily unavailable, try again later.' })
    expect(over.headers['retry-after']).toBe('1')
    expect(over.headers.connection).toBe('close')
    expect(s.connections()).toMatchObject({ open: 3, refused: 1, evicted: 0 })
    expect(logged.join('\n')).toMatch(/test: 3 connections open \(its cap\)/)

    kept.socket.write('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    await expect.poll(() => kept.text().match(/\{"ok":true\}/g)?.length).toBe(2)

    for (const h of holders) h.socket.end()
    await Promise.all(holders.map((h) => h.closed))
    const released = Date.now()
    let again = await requestOnce(`${s.url}/ok`)
    while (again.status === 503 && Date.now() - released < 1_000) again = await requestOnce(`${s.url}/ok`)
    expect(again.status).toBe(200)
    expect(Date.now() - released).toBeLessThan(1_000)
  })

  it('gives the place of a connection stalled on its client to a new one, the longest waiting first', async () => {
    const s = await start({ maxConnections: 3, stalledMs: 100 })
    const silent = await connectRaw(s)
    const trickler = await connectRaw(s)
    void trickler.trickle('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 10)
    const idle = await connectRaw(s)
    idle.socket.write('GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    await new Promise((r) => setTimeout(r, 200))
    expect((await requestOnce(`${s.url}/ok`)).status).toBe(200)
    await silent.closed
    expect([trickler.isClosed(), idle.isClosed()]).toEqual([false, false])
    await connectRaw(s) // back at the cap, with a newcomer that has not stalled yet
    expect((await requestOnce(`${s.url}/ok`)).status).toBe(200)
    await trickler.closed
    expect(idle.isClosed()).toBe(false)
    expect(s.connections()).toMatchObject({ refused: 0, evicted: 2 })
  })

  it('never takes the place of a request being answered: the newcomer is refused', async () => {
    const s = await start({ maxConnections: 2, stalledMs: 20 })
    const answers = [requestOnce(`${s.url}/hold`), requestOnce(`${s.url}/hold`)]
    await expect.poll(() => s.connections().open).toBe(2)
    await new Promise((r) => setTimeout(r, 100))
    expect((await requestOnce(`${s.url}/ok`)).status).toBe(503)
    release()
    for (const a of await Promise.all(answers)) expect(a.status).toBe(200)
    await expect.poll(() => s.connections()).toMatchObject({ open: 0, refusing: 0, refused: 1, evicted: 0 })
  })

  it('refuses in plain text on a server that does not speak the Stamps API', async () => {
    const s = await start({ maxConnections: 1, stalledMs: 60_000 }, 'plain')
    await connectRaw(s)
    const over = await requestOnce(`${s.url}/ok`)
    expect(over.status).toBe(503)
    expect(over.body).toBe('Refused: too many connections, try again later.\n')
  })
})

describe('requests that leave HTTP', () => {
  it('answers CONNECT with a 405 instead of dropping the socket', async () => {
    const s = await start(FAST)
    const c = await connectRaw(s)
    c.socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
    await c.closed
    expect(c.text()).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(c.text()).toContain('{"detail":"Method \\"CONNECT\\" not allowed."}')
  })

  it('answers an upgrade request as plain HTTP on a server without WebSockets', async () => {
    const s = await start(FAST)
    const c = await connectRaw(s)
    c.socket.write(upgradeRequest(s.port, '/ok'))
    await expect.poll(() => c.text()).toMatch(/\{"ok":true\}$/)
    expect(c.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    c.socket.write(upgradeRequest(s.port, '/nowhere'))
    await expect.poll(() => c.text()).toMatch(/\{"detail":"Not found."\}$/)
  })
})
