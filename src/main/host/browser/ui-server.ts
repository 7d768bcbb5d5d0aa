/**
 * The browser host's front door: serves the built renderer over http on loopback and carries the
 * same IPC table as Electron over a WebSocket at /ipc, so a kiosk box can run the UI in
 * Chromium's kiosk mode and tests can drive it. This file only composes the pieces.
 *
 * Security model (the per-launch token is the only key):
 * - The IPC is the door. A WebSocket is only served to a client that shows the token (query
 *   `?token=` or a first message `{ "auth": token }`), comes from our own loopback origin (or no
 *   origin: a non-browser client cannot be a victim of cross-site requests) and names our
 *   loopback host (DNS rebinding). Everything else is refused before any dispatch
 *   (ipc-upgrade.ts, ipc-socket.ts).
 * - The page itself (index.html) needs the token too, so a stray browser tab gets a refusal and
 *   nothing else. The assets are public code, but they are gated behind a cookie derived from the
 *   token (never the token: cookies are shared across ports of 127.0.0.1) so that without the
 *   token the server answers nothing but a refusal (page-gate.ts, static-files.ts).
 * - Every response carries a strict CSP and `Referrer-Policy: no-referrer` (the token is in the
 *   URL): they are put on the raw response before Fastify sees the request.
 * - The POST routes (test hooks) need `Authorization: Bearer <token>` (post-routes.ts).
 */
import { realpath } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createHttpApp, listen, type Listening } from '../../../platform/http/create-http-app'
import type { SocketLimits } from '../../../platform/http/socket-limits'
import type { IpcEvent, IpcEventPayload } from '../../../shared/ipc'
import type { IpcCaller } from '../../ipc/ipc-caller'
import type { IpcRouter } from '../../ipc/ipc-router'
import { attachIpcSocket, MAX_MESSAGE_BYTES } from './ipc-socket'
import { createPageGate } from './page-gate'
import { registerPostRoutes, type UiPostRoute } from './post-routes'
import { installRefusals, unroutableAnswer } from './refusals'
import { serveStatic } from './static-files'

export { MAX_MESSAGE_BYTES, type UiPostRoute }
export { tokenMatches } from './page-gate'

export interface UiServerOptions {
  rendererDir: string
  router: IpcRouter
  token: string
  port: number
  host: '127.0.0.1'
  /** Who each socket is, asked per message; unset: a kiosk (a screen nobody vouched for gets the least). */
  caller?: () => IpcCaller
  /** Extra POST routes, each requiring `Authorization: Bearer <token>` and a JSON body. */
  postRoutes?: Record<string, UiPostRoute>
  log?: (msg: string) => void
  /** Narrows the house socket limits (the connection cap from settings; short deadlines in tests). */
  limits?: Partial<SocketLimits>
}

export interface UiServer {
  /** The page URL including `?token=`: print it as the `ui:` line. */
  url: string
  port: number
  /** Pushes a main-to-renderer event to every authenticated client (validated against the contract). */
  broadcast<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void
  connections: Listening['connections']
  close(): Promise<void>
}

/** Starts the server; resolves once it listens (the readiness signal). */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const { router, token, log = () => {} } = options
  if (options.host !== '127.0.0.1') throw new Error('the ui server listens on 127.0.0.1 only')
  if (token.length < 16) throw new Error('the ui token must be at least 16 characters')
  const root = await realpath(resolve(options.rendererDir))
  let port = options.port
  const gate = createPageGate(token, () => port)
  const serve = serveStatic(root, gate)
  const unroutable = unroutableAnswer(gate, serve, log)

  const app = createHttpApp({
    name: 'ui-server',
    log,
    takesUpgrades: true,
    ...(options.limits && { limits: options.limits }),
    frameworkErrors: (_err, req, reply) => void unroutable(req, reply)
  })
  app.server.prependListener('request', (_req, res) => gate.stamp(res))
  installRefusals(app, gate, log)
  app.route({ method: ['GET', 'HEAD'], url: '*', handler: serve })
  registerPostRoutes(app, options.postRoutes ?? {}, gate, MAX_MESSAGE_BYTES)
  const ipc = attachIpcSocket(app.server, router, gate, log, options.caller ?? (() => ({ kiosk: true })))
  // Upgraded sockets are no longer the http server's: end them, or its close() waits for them.
  app.addHook('preClose', (done) => {
    ipc.close()
    done()
  })

  const listening = await listen(app, options.port, options.host)
  port = listening.port
  return {
    url: `${listening.url}/?token=${encodeURIComponent(token)}`,
    port,
    broadcast(event, payload) {
      ipc.broadcast(event, payload)
    },
    connections: listening.connections,
    close: listening.close
  }
}
