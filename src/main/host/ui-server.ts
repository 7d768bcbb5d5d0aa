/**
 * The browser host's front door: serves the built renderer over http on loopback and carries the
 * same IPC table as Electron over a WebSocket at /ipc, so a kiosk box can run the UI in
 * Chromium's kiosk mode and tests can drive it.
 *
 * Security model (the per-launch token is the only key):
 * - The IPC is the door. A WebSocket is only served to a client that shows the token (query
 *   `?token=` or a first message `{ "auth": token }`), comes from our own loopback origin (or no
 *   origin: a non-browser client cannot be a victim of cross-site requests) and names our
 *   loopback host (DNS rebinding). Everything else is refused before any dispatch.
 * - The page itself (index.html) needs the token too, so a stray browser tab gets a refusal and
 *   nothing else. The assets are public code, but they are gated behind a cookie derived from the
 *   token (never the token: cookies are shared across ports of 127.0.0.1) so that without the
 *   token the server answers nothing but a refusal.
 * - Every response carries a strict CSP and `Referrer-Policy: no-referrer` (the token is in the URL).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ipcEvents, type IpcEvent, type IpcEventPayload } from '../../shared/ipc'
import type { IpcRouter } from '../ipc/ipc-router'

/** Larger than any request in the contract (a sale of 200 items is ~40 KiB). */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** A client that connected without a query token must authenticate this fast. */
const AUTH_GRACE_MS = 5_000
/** An upgrade is answered (refused, or handed to the WebSocket) within this, or its socket is destroyed. */
const HANDSHAKE_MS = 10_000
const ASSET_COOKIE = 'sk_assets'

/** A token-guarded POST route (used by the host for test-only hooks such as `/test/hid-report`). */
export type UiPostRoute = (body: unknown) => Promise<{ status: number; body: unknown }>

export interface UiServerOptions {
  rendererDir: string
  router: IpcRouter
  token: string
  port: number
  host: '127.0.0.1'
  /** Extra POST routes, each requiring `Authorization: Bearer <token>` and a JSON body. */
  postRoutes?: Record<string, UiPostRoute>
  log?: (msg: string) => void
}

export interface UiServer {
  /** The page URL including `?token=`: print it as the `ui:` line. */
  url: string
  port: number
  /** Pushes a main-to-renderer event to every authenticated client (validated against the contract). */
  broadcast<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

/** Constant-time comparison of a presented token with ours; any shape mismatch is a refusal. */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 1024) return false
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(presented, 'utf8')
  // timingSafeEqual needs equal lengths; compare against ourselves to keep the timing flat.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(a, a), false)
}

function cspFor(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim())
  }
  return out
}

/** Starts the server; resolves once it listens (the readiness signal). */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const { router, token, log = () => {} } = options
  if (options.host !== '127.0.0.1') throw new Error('the ui server listens on 127.0.0.1 only')
  if (token.length < 16) throw new Error('the ui token must be at least 16 characters')
  const root = await realpath(resolve(options.rendererDir))
  const assetCookie = createHmac('sha256', token).update('stamps-kiosk assets').digest('base64url')
  let port = 0
  const origins = (): string[] => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  const hostOk = (host: string | undefined): boolean => host === `127.0.0.1:${port}` || host === `localhost:${port}`

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {}
  ): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      'Content-Security-Policy': cspFor(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      ...extra
    })
    res.end(body)
  }
  const refuse = (res: ServerResponse, status: number, message: string): void =>
    send(res, status, `${message}\n`, 'text/plain; charset=utf-8')

  /** Resolves a URL path to a file inside the renderer folder, or null (traversal, symlink out, directory). */
  async function fileFor(pathname: string): Promise<string | null> {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return null
    }
    if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null
    const candidate = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`)
    if (!candidate.startsWith(root + sep)) return null
    try {
      const real = await realpath(candidate)
      if (!real.startsWith(root + sep)) return null
      return (await stat(real)).isFile() ? real : null
    } catch {
      return null
    }
  }

  async function handlePost(req: IncomingMessage, res: ServerResponse, route: UiPostRoute): Promise<void> {
    const auth = req.headers.authorization ?? ''
    if (!tokenMatches(token, auth.startsWith('Bearer ') ? auth.slice(7) : undefined))
      return refuse(res, 401, 'Refused: this endpoint needs the launch token.')
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_MESSAGE_BYTES) return refuse(res, 413, 'Refused: body too large.')
      chunks.push(chunk as Buffer)
    }
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    } catch {
      return refuse(res, 400, 'Refused: body is not JSON.')
    }
    const out = await route(body)
    send(res, out.status, JSON.stringify(out.body), 'application/json')
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req.headers.host)) return refuse(res, 421, 'Refused: unexpected Host header.')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const route = options.postRoutes?.[url.pathname]
    if (route && req.method === 'POST') return handlePost(req, res, route)
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Refused: method not allowed.')
    const isPage = url.pathname === '/' || url.pathname === '/index.html'
    const cookieOk = tokenMatches(assetCookie, parseCookies(req.headers.cookie).get(ASSET_COOKIE))
    if (isPage ? !tokenMatches(token, url.searchParams.get('token')) : !cookieOk) {
      return refuse(res, 401, 'Refused: open the ui: URL printed by the host (it carries the launch token).')
    }
    const file = await fileFor(url.pathname)
    if (!file) return refuse(res, 404, 'Not found.')
    const body = await readFile(file)
    const extra: Record<string, string> = isPage
      ? { 'Set-Cookie': `${ASSET_COOKIE}=${assetCookie}; Path=/; HttpOnly; SameSite=Strict` }
      : {}
    send(
      res,
      200,
      req.method === 'HEAD' ? Buffer.alloc(0) : body,
      MIME[extname(file)] ?? 'application/octet-stream',
      extra
    )
  }

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      log(`ui-server: ${(err as Error).message}`)
      if (!res.headersSent) refuse(res, 500, 'Internal error.')
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const authed = new Set<WebSocket>()

  server.on('upgrade', (req, socket, head) => {
    // Node hands the raw socket over with no error listener and no timeout: a client that resets
    // the connection while we answer it would be an uncaught exception that ends the whole host,
    // and one that never reads our refusal would hold the socket (and close()) forever.
    socket.on('error', () => {})
    const deadline = setTimeout(() => socket.destroy(), HANDSHAKE_MS)
    socket.once('close', () => clearTimeout(deadline))
    const origin = req.headers.origin
    const deny = (status: number, text: string): void => {
      socket.once('finish', () => socket.destroy())
      socket.end(
        `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nRefused: ${text}\n`
      )
    }
    // A request target that is not a URL must be refused here: a throw in this listener is
    // an uncaught exception that ends the whole host, before any token was shown.
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    } catch {
      return deny(400, 'Bad Request')
    }
    if (url.pathname !== '/ipc') return deny(404, 'Not Found')
    if (!hostOk(req.headers.host)) return deny(421, 'Misdirected Request')
    if (origin !== undefined && !origins().includes(origin)) return deny(403, 'Forbidden')
    const queryToken = url.searchParams.get('token')
    if (queryToken !== null && !tokenMatches(token, queryToken)) return deny(401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => {
      clearTimeout(deadline)
      onConnection(ws, queryToken !== null)
    })
  })

  function onConnection(ws: WebSocket, preAuthed: boolean): void {
    let ok = preAuthed
    if (ok) authed.add(ws)
    const grace = ok ? undefined : setTimeout(() => ws.close(4401, 'unauthorized'), AUTH_GRACE_MS)
    ws.on('close', () => {
      authed.delete(ws)
      if (grace) clearTimeout(grace)
    })
    ws.on('error', (err) => log(`ui-server ws: ${err.message}`))
    ws.on('message', (raw, isBinary) => {
      let msg: unknown
      try {
        msg = isBinary ? undefined : JSON.parse(raw.toString())
      } catch {
        msg = undefined
      }
      if (!ok) {
        const presented = typeof msg === 'object' && msg !== null ? (msg as { auth?: unknown }).auth : undefined
        if (!tokenMatches(token, presented)) return ws.close(4401, 'unauthorized')
        ok = true
        authed.add(ws)
        if (grace) clearTimeout(grace)
        return ws.send(JSON.stringify({ authed: true }))
      }
      const { id, channel, payload } = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>
      if (typeof id !== 'number' && typeof id !== 'string') {
        return ws.send(
          JSON.stringify({
            id: null,
            result: { ok: false, error: { code: 'invalid-input', message: 'A message is {id, channel, payload}.' } }
          })
        )
      }
      void router.dispatch(channel, payload).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }))
      })
    })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolveListen()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    broadcast(event, payload) {
      const data = JSON.stringify({ event, payload: ipcEvents[event].parse(payload) })
      for (const ws of authed) if (ws.readyState === ws.OPEN) ws.send(data)
    },
    async close() {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      const closed = new Promise<void>((r) => server.close(() => r()))
      server.closeAllConnections()
      await closed
    }
  }
}
