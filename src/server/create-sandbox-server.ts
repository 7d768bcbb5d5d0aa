/**
 * The Stamps-compatible sandbox server, started in process by the app and by tests, and by
 * cli.ts from the command line. Fastify for throughput, one SQLite connection for the ledger.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Db } from './db/open-db'
import { startCheckpointer } from './db/checkpointer'
import { jwtSecret, openDb } from './db/open-db'
import { arrivedOverHttps, databaseAuthenticator } from './http/auth'
import type { ServerContext } from './http/endpoint'
import { HttpError, httpErrors } from './http/http-error'
import { sendAnswer } from './http/reply'
import { activityRoutes } from './routes/activities.routes'
import { balanceRoutes } from './routes/balances.routes'
import { memberRoutes } from './routes/members.routes'
import { transactionRoutes } from './routes/transactions.routes'
import { seedDemo } from './seed/demo-seed'

/** Bodies above 1 MiB are answered 413 without being read to the end. */
export const BODY_LIMIT_BYTES = 1024 * 1024

export interface SandboxOptions {
  port: number
  host?: string
  dbPath: string
  seed?: 'demo'
  requireHttps?: boolean
}

export interface SandboxServer {
  url: string
  port: number
  db: Db
  close(): Promise<void>
}

/** Builds the Fastify app over an open database (not listening yet). */
export function buildSandboxApp(ctx: ServerContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    exposeHeadRoutes: false,
    routerOptions: { ignoreTrailingSlash: true }
  })
  // bodies stay raw text: the pipeline decodes them after the credential and method checks
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body))
  app.setNotFoundHandler((req, reply) => {
    const err =
      ctx.requireHttps && !arrivedOverHttps(req.socket.remoteAddress, req.headers['x-forwarded-proto'])
        ? httpErrors.https()
        : httpErrors.notFound()
    return sendAnswer(req, reply, err.status, err.body)
  })
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return sendAnswer(req, reply, err.status, err.body)
    if (err.statusCode === 413) return sendAnswer(req, reply, 413, httpErrors.tooLarge().body)
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendAnswer(req, reply, err.statusCode, { detail: err.message })
    req.log.error(err)
    process.stderr.write(`sandbox: ${req.method} ${req.url.split('?')[0]} failed: ${err.stack ?? err.message}\n`)
    return sendAnswer(req, reply, 500, { detail: 'A server error occurred.' })
  })
  transactionRoutes(app, ctx)
  balanceRoutes(app, ctx)
  activityRoutes(app, ctx)
  memberRoutes(app, ctx)
  return app
}

/** Opens (and optionally seeds) the database and listens; `port: 0` picks a free port. */
export async function startSandboxServer(opts: SandboxOptions): Promise<SandboxServer> {
  const db = openDb(opts.dbPath)
  try {
    if (opts.seed === 'demo') seedDemo(db)
    const secret = jwtSecret(db)
    const app = buildSandboxApp({
      db,
      secret,
      requireHttps: opts.requireHttps ?? false,
      authenticator: databaseAuthenticator(db, secret)
    })
    const host = opts.host ?? '127.0.0.1'
    await app.listen({ port: opts.port, host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : opts.port
    const urlHost = host.includes(':') ? `[${host}]` : host
    const stopCheckpoints = startCheckpointer(db)
    let closed: Promise<void> | undefined
    return {
      url: `http://${urlHost}:${port}`,
      port,
      db,
      close: () =>
        (closed ??= app.close().then(() => {
          stopCheckpoints()
          db.close() // checkpoints what is left and removes the WAL file
        }))
    }
  } catch (err) {
    db.close()
    throw err
  }
}
