/**
 * The one Fastify bootstrap: the sandbox, the receipt bridge and the browser host all start from
 * createHttpApp; the two that speak the Stamps API add its error answers with createStampsApp.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { arrivedOverHttps } from './credentials'
import { HttpError, httpErrors } from './http-error'
import { sendAnswer } from './reply'

/** Bodies above 1 MiB are answered 413 without being read to the end. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export interface HttpAppOptions {
  bodyLimit?: number
  /** A socket idle this long is destroyed (ms; unset: never, Fastify's default). */
  connectionTimeout?: number
  /** A client must send a whole request within this (ms; unset: no limit, Fastify's default). */
  requestTimeout?: number
  /**
   * Answers what Fastify cannot route (a malformed URL escape) instead of its own JSON 400, which
   * skips every hook; unset keeps that default.
   */
  frameworkErrors?: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => void
}

/** A Fastify app with the house defaults: bounded bodies, connections closed on close(). */
export function createHttpApp(opts: HttpAppOptions = {}): FastifyInstance {
  return Fastify({
    logger: false,
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    exposeHeadRoutes: false,
    routerOptions: { ignoreTrailingSlash: true },
    ...(opts.connectionTimeout !== undefined && { connectionTimeout: opts.connectionTimeout }),
    ...(opts.requestTimeout !== undefined && { requestTimeout: opts.requestTimeout }),
    ...(opts.frameworkErrors && { frameworkErrors: opts.frameworkErrors })
  })
}

export interface StampsAppOptions {
  /** Names the server in its log lines ("sandbox", "bridge"). */
  name: string
  requireHttps?: boolean
  log?: (line: string) => void
}

/**
 * An app answering as the Stamps service does when a request goes wrong: bodies stay raw text
 * (the endpoint pipeline decodes them after the credential and method checks), unknown paths are
 * 404 (403 first when HTTPS is required), and errors are DRF `{"detail": ...}` bodies.
 */
export function createStampsApp(opts: StampsAppOptions): FastifyInstance {
  const app = createHttpApp()
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
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
  return {
    url: `http://${urlHost}:${bound}`,
    port: bound,
    close: () => (closed ??= app.close().then(() => onClosed?.()))
  }
}
