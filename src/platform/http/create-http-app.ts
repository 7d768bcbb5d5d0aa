/**
 * The one Fastify bootstrap: the sandbox, the receipt bridge and the browser host all start from
 * createHttpApp; the two that speak the Stamps API add its error answers with createStampsApp.
 * Every socket of every server gets the limits in socket-limits.ts (deadlines, a connection cap)
 * and an error listener from accept to close (connection-guard.ts).
 */
import type { Server } from 'node:http'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { guardConnections, type ConnectionCounts, type ConnectionGuard } from './connection-guard'
import { arrivedOverHttps } from './credentials'
import { HttpError, httpErrors } from './http-error'
import type { AnswerStyle } from './raw-answer'
import { sendAnswer } from './reply'
import { socketLimits, type SocketLimits } from './socket-limits'

/** Bodies above 1 MiB are answered 413 without being read to the end. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export interface HttpAppOptions {
  /** Names the server in its log lines ("sandbox", "bridge", "ui-server"). */
  name?: string
  log?: (line: string) => void
  bodyLimit?: number
  /** Narrows the house socket limits (tests pass short deadlines and small caps). */
  limits?: Partial<SocketLimits>
  /** How refusals written straight onto a socket read: DRF JSON for the Stamps servers, text otherwise. */
  answerStyle?: AnswerStyle
  /** The app answers protocol upgrades itself (the browser host's WebSocket); others serve them as plain HTTP. */
  takesUpgrades?: boolean
  /**
   * Answers what Fastify cannot route (a malformed URL escape) instead of its own JSON 400, which
   * skips every hook; unset keeps that default.
   */
  frameworkErrors?: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => void
}

const guards = new WeakMap<Server, ConnectionGuard>()

/**
 * zod checks every payload (endpoint.ts), so no route carries a Fastify JSON schema: with these
 * compilers Fastify never loads ajv and fast-json-stringify, a fifth of the host's start-up.
 */
const NO_JSON_SCHEMAS = {
  buildValidator: () => () => {
    throw new Error('Fastify JSON schemas are not used here: validate with zod (src/platform/http/endpoint.ts)')
  },
  buildSerializer: () => () => {
    throw new Error('Fastify JSON schemas are not used here: answers are serialised by the endpoint pipeline')
  }
}
const stderrLog = (line: string): void => void process.stderr.write(`${line}\n`)

/** A Fastify app with the house defaults: bounded bodies and sockets, connections closed on close(). */
export function createHttpApp(opts: HttpAppOptions = {}): FastifyInstance {
  const limits = socketLimits(opts.limits)
  const app = Fastify({
    logger: false,
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    schemaController: { compilersFactory: NO_JSON_SCHEMAS },
    exposeHeadRoutes: false,
    routerOptions: { ignoreTrailingSlash: true },
    http: {
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      connectionsCheckingInterval: limits.checkEveryMs
    },
    // Fastify sets these three on the server after creating it (0 would mean "never").
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    connectionTimeout: limits.idleMs,
    // The guard exists before the server can accept anything (it is created just below).
    clientErrorHandler: (err, socket) => guard.clientError(err, socket),
    ...(opts.frameworkErrors && { frameworkErrors: opts.frameworkErrors })
  })
  const guard = guardConnections(app.server, {
    name: opts.name ?? 'http',
    limits,
    style: opts.answerStyle ?? 'text',
    takesUpgrades: opts.takesUpgrades ?? false,
    log: opts.log ?? stderrLog
  })
  guards.set(app.server, guard)
  app.addHook('preClose', (done) => {
    guard.close()
    done()
  })
  return app
}

export interface StampsAppOptions {
  /** Names the server in its log lines ("sandbox", "bridge"). */
  name: string
  requireHttps?: boolean
  log?: (line: string) => void
  limits?: Partial<SocketLimits>
}

/**
 * An app answering as the Stamps service does when a request goes wrong: bodies stay raw text
 * (the endpoint pipeline decodes them after the credential and method checks), unknown paths are
 * 404 (403 first when HTTPS is required), and errors are DRF `{"detail": ...}` bodies.
 */
export function createStampsApp(opts: StampsAppOptions): FastifyInstance {
  const log = opts.log ?? stderrLog
  const app = createHttpApp({ name: opts.name, log, answerStyle: 'drf', ...(opts.limits && { limits: opts.limits }) })
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body))
  app.setNotFoundHandler((req, reply) => {
    const err =
      opts.requireHttps && !arrivedOverHttps(req.socket.remoteAddress, req.headers['x-forwarded-proto'])
        ? httpErrors.https()
        : httpErrors.notFound()
    return sendAnswer(req, reply, err.status, err.body)
  })
  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    if (err instanceof HttpError) return sendAnswer(req, reply, err.status, err.body)
    if (err.statusCode === 413) return sendAnswer(req, reply, 413, httpErrors.tooLarge().body)
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendAnswer(req, reply, err.statusCode, { detail: err.message })
    // The path only: the query may carry `token=` (a merchant's key or the bridge token).
    log(`${opts.name}: ${req.method} ${req.url.split('?')[0]} failed: ${err.stack ?? err.message}`)
    return sendAnswer(req, reply, 500, { detail: 'A server error occurred.' })
  })
  return app
}

export interface Listening {
  url: string
  port: number
  /** How many connections are open, being refused, and were refused or closed as stalled. */
  connections(): ConnectionCounts
  close(): Promise<void>
}

/** Listens on `host:port` (`port: 0` picks a free one); close() is idempotent. */
export async function listen(
  app: FastifyInstance,
  port: number,
  host: string,
  onClosed?: () => void
): Promise<Listening> {
  await app.listen({ port, host })
  const address = app.server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closed: Promise<void> | undefined
  const guard = guards.get(app.server)
  return {
    url: `http://${urlHost}:${bound}`,
    port: bound,
    connections: () => guard?.counts() ?? { open: 0, refusing: 0, refused: 0, evicted: 0 },
    close: () => (closed ??= app.close().then(() => onClosed?.()))
  }
}
