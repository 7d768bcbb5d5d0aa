import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { connect as rawConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createIpcRouter } from '../../ipc/ipc-router'
import { MAX_MESSAGE_BYTES, startUiServer, tokenMatches, type UiServer } from './ui-server'

const TOKEN = 'test-token-0123456789abcdef'

const status = {
  upstream: { reachable: true, embedded: true, checkedAt: null },
  queue: { pending: 0, failed: 0 },
  printer: { state: 'ok' as const, held: 0 },
  scanner: { state: 'none' as const },
  mode: 'kiosk' as const,
  language: 'id' as const,
  idleTimeoutSeconds: 60
}

let dir: string
let server: UiServer

/** Raw http GET (fetch would normalise `..` away before it reaches the server). */
function get(
  path: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(query = `?token=${TOKEN}`, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc${query}`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
}

const nextMessage = (ws: WebSocket): Promise<Record<string, unknown>> =>
  new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)) as Record<string, unknown>)))
const closeCode = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => ws.once('close', (code) => resolve(code)))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ui-server-'))
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true })
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'outside')
  await symlink(join(dir, 'secret.txt'), join(dir, 'renderer', 'assets', 'link.js'))
  const router = createIpcRouter()
  router.register({ 'status:get': async () => status })
  server = await startUiServer({ rendererDir: join(dir, 'renderer'), router, token: TOKEN, port: 0, host: '127.0.0.1' })
})

afterEach(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

describe('tokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true)
    expect(tokenMatches(TOKEN, `${TOKEN}x`)).toBe(false)
    expect(tokenMatches(TOKEN, '')).toBe(false)
    expect(tokenMatches(TOKEN, undefined)).toBe(false)
  })
})

describe('http', () => {
  it('refuses the page and assets without the token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`)
    const page = await get('/')
    expect(page.status).toBe(401)
    expect(page.body).toMatch(/Refused/)
    expect((await get('/assets/app.js')).status).toBe(401)
    expect((await get('/?token=wrong-token-0123456789abc')).status).toBe(401)
  })

  it('serves the page with the token, a strict CSP and an asset cookie that is not the token', async () => {
    const page = await get(`/?token=${TOKEN}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>kiosk</title>')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    const cookie = String((page.headers['set-cookie'] as string[])[0]).split(';')[0] ?? ''
    expect(cookie).not.toContain(TOKEN)
    const asset = await get('/assets/app.js', { cookie })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
  })

  it('never leaves the renderer folder', async () => {
    const cookie = String(((await get(`/?token=${TOKEN}`)).headers['set-cookie'] as string[])[0]).split(';')[0] ?? ''
    for (const path of [
      '/../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/link.js',
      '/assets',
      '/assets/%00'
    ]) {
      const res = await get(path, { cookie })
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('outside')
    }
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(`/?token=${TOKEN}`, { host: 'evil.example:80' })).status).toBe(421)
  })
})

describe('http edges', () => {
  /** Writes `text` on a raw socket and resolves with everything the server answers before it closes. */
  const rawExchange = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const sock = rawConnect(server.port, '127.0.0.1')
      let reply = ''
      sock.on('data', (d) => (reply += String(d)))
      sock.on('close', () => resolve(reply))
      sock.on('error', reject)
      sock.write(text)
    })

  it('refuses another method before reading its body', async () => {
    // The body never comes: a server that read it first would never answer.
    const reply = await rawExchange(
      `PUT /test/hook HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: 10\r\nConnection: close\r\n\r\n`
    )
    expect(reply).toMatch(/^HTTP\/1\.1 405 /)
    expect(reply).toMatch(/content-security-policy: default-src 'none'/i)
  })

  it('answers a path with a broken escape through the same gate, with the same headers', async () => {
    const refused = await get('/assets/%zz')
    expect(refused.status).toBe(401)
    expect(refused.headers['referrer-policy']).toBe('no-referrer')
    const cookie = String(((await get(`/?token=${TOKEN}`)).headers['set-cookie'] as string[])[0]).split(';')[0] ?? ''
    const missing = await get('/assets/%zz', { cookie })
    expect(missing.status).toBe(404)
    expect(String(missing.headers['content-security-policy'])).toContain("default-src 'none'")
    expect((await get('/assets/%zz', { cookie, host: 'evil.example:80' })).status).toBe(421)
  })
})

describe('websocket /ipc', () => {
  it('answers {id, result} through the router with a query token', async () => {
    const ws = await connect()
    ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: {} }))
    expect(await nextMessage(ws)).toEqual({ id: 1, result: { ok: true, data: status } })
    ws.send(JSON.stringify({ id: 2, channel: 'nope:nope', payload: {} }))
    const bad = await nextMessage(ws)
    expect(bad).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid-input' } } })
    ws.close()
  })

  it('accepts the token as the first message instead', async () => {
    const ws = await connect('')
    ws.send(JSON.stringify({ auth: TOKEN }))
    expect(await nextMessage(ws)).toEqual({ authed: true })
    ws.send(JSON.stringify({ id: 'a', channel: 'status:get', payload: {} }))
    expect(await nextMessage(ws)).toMatchObject({ id: 'a', result: { ok: true } })
    ws.close()
  })

  it('closes a client whose first message is not the token, without dispatching', async () => {
    const ws = await connect('')
    const closed = closeCode(ws)
    ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: {} }))
    expect(await closed).toBe(4401)
  })

  it('refuses a wrong query token, a foreign origin and another path at the upgrade', async () => {
    await expect(connect('?token=wrong-token-0123456789abc')).rejects.toThrow('HTTP 401')
    await expect(connect(`?token=${TOKEN}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403')
    await expect(connect(`?token=${TOKEN}`, { origin: `http://127.0.0.1:${server.port + 1}` })).rejects.toThrow(
      'HTTP 403'
    )
    const ok = await connect(`?token=${TOKEN}`, { origin: `http://127.0.0.1:${server.port}` })
    ok.close()
  })

  it('refuses an upgrade whose request target is not a URL, and keeps serving', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = rawConnect(server.port, '127.0.0.1')
      let text = ''
      sock.on('data', (d) => (text += String(d)))
      sock.on('close', () => resolve(text))
      sock.on('error', reject)
      sock.write(
        `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
      )
    })
    expect(reply).toMatch(/^HTTP\/1\.1 4\d\d /)
    const ws = await connect()
    ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: {} }))
    expect(await nextMessage(ws)).toMatchObject({ id: 1, result: { ok: true } })
    ws.close()
  })

  it('survives upgrades that are refused (or accepted) and then reset by the client, and keeps serving', async () => {
    const upgrade = (target: string, extra = ''): string =>
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`
    const requests = [
      upgrade('/ipc?token=wrong-token-0123456789abc'),
      upgrade('/ipc', 'Origin: http://evil.example\r\n'),
      upgrade('/elsewhere'),
      upgrade('/ipc')
    ]
    const crashes: unknown[] = []
    const onCrash = (err: unknown): void => void crashes.push(err)
    process.on('uncaughtException', onCrash)
    for (let round = 0; round < 10; round++) {
      for (const text of requests) {
        await new Promise<void>((resolve) => {
          const sock = rawConnect(server.port, '127.0.0.1', () => {
            sock.write(text)
            sock.resetAndDestroy()
          })
          sock.on('error', () => {})
          sock.on('close', () => resolve())
        })
      }
    }
    await new Promise((r) => setTimeout(r, 100))
    process.off('uncaughtException', onCrash)
    expect(crashes).toEqual([])
    const ws = await connect()
    ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: {} }))
    expect(await nextMessage(ws)).toMatchObject({ id: 1, result: { ok: true } })
    ws.close()
    expect((await get(`/?token=${TOKEN}`)).status).toBe(200)
  })

  it('drops a message above the size limit', async () => {
    const ws = await connect()
    const closed = closeCode(ws)
    ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: { x: 'a'.repeat(MAX_MESSAGE_BYTES) } }))
    expect(await closed).toBe(1009)
  })

  it('broadcasts validated events to authenticated clients only', async () => {
    const ws = await connect()
    const pending = await connect('')
    let leaked = false
    pending.on('message', () => (leaked = true))
    const got = nextMessage(ws)
    server.broadcast('scan:received', { source: 'hid-pos', text: '1234567890' })
    expect(await got).toEqual({ event: 'scan:received', payload: { source: 'hid-pos', text: '1234567890' } })
    expect(() => server.broadcast('scan:received', { source: 'nope' } as never)).toThrow()
    await new Promise((r) => setTimeout(r, 50))
    expect(leaked).toBe(false)
    ws.close()
    pending.close()
  })
})

describe('post routes', () => {
  it('require the bearer token', async () => {
    await server.close()
    const router = createIpcRouter({})
    let seen: unknown
    server = await startUiServer({
      rendererDir: join(dir, 'renderer'),
      router,
      token: TOKEN,
      port: 0,
      host: '127.0.0.1',
      postRoutes: { '/test/hook': async (body) => ((seen = body), { status: 200, body: { ok: true } }) }
    })
    const base = `http://127.0.0.1:${server.port}/test/hook`
    const denied = await fetch(base, { method: 'POST', body: '{"a":1}' })
    expect(denied.status).toBe(401)
    expect(seen).toBeUndefined()
    const ok = await fetch(base, { method: 'POST', body: '{"a":1}', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(ok.status).toBe(200)
    expect(seen).toEqual({ a: 1 })
  })
})
