/**
 * The Stamps-compatible sandbox server, started in process by the app and by tests, and by
 * cli.ts from the command line. Fastify for throughput, one SQLite connection for the ledger.
 */
import type { FastifyInstance } from 'fastify'
import { createStampsApp, listen, type Listening } from '../platform/http/create-http-app'
import type { SocketLimits } from '../platform/http/socket-limits'
import { startCheckpointer } from './db/checkpointer'
import { jwtSecret, openDb, type Db } from './db/open-db'
import { databaseAuthenticator } from './http/database-auth'
import { ledgerRefusal, type ServerContext } from './http/server-context'
import { activityRoutes } from './routes/activities.routes'
import { balanceRoutes } from './routes/balances.routes'
import { memberRoutes } from './routes/members.routes'
import { transactionRoutes } from './routes/transactions.routes'
import { transactionV2Routes } from './routes/transactions-v2.routes'
import { rewardRoutes } from './routes/rewards.routes'
import { redemptionRoutes } from './routes/redemptions.routes'
import { voucherRoutes } from './routes/vouchers.routes'
import { registrationRoutes } from './routes/registration.routes'
import { seedDemo } from './seed/demo-seed'

export interface SandboxOptions {
  port: number
  host?: string
  dbPath: string
  seed?: 'demo'
  requireHttps?: boolean
  /** Narrows the house socket limits (`--max-connections`; short deadlines in tests). */
  limits?: Partial<SocketLimits>
}

export interface SandboxServer {
  url: string
  port: number
  db: Db
  connections: Listening['connections']
  close(): Promise<void>
}

/** Builds the Fastify app over an open database (not listening yet). */
export function buildSandboxApp(ctx: ServerContext, limits?: Partial<SocketLimits>): FastifyInstance {
  const app = createStampsApp({ name: 'sandbox', requireHttps: ctx.requireHttps, ...(limits && { limits }) })
  transactionRoutes(app, ctx)
  balanceRoutes(app, ctx)
  activityRoutes(app, ctx)
  memberRoutes(app, ctx)
  transactionV2Routes(app, ctx)
  rewardRoutes(app, ctx)
  redemptionRoutes(app, ctx)
  voucherRoutes(app, ctx)
  registrationRoutes(app, ctx)
  return app
}

/** Opens (and optionally seeds) the database and listens; `port: 0` picks a free port. */
export async function startSandboxServer(opts: SandboxOptions): Promise<SandboxServer> {
  const db = openDb(opts.dbPath)
  try {
    if (opts.seed === 'demo') seedDemo(db)
    const secret = jwtSecret(db)
    const app = buildSandboxApp(
      {
        db,
        secret,
        requireHttps: opts.requireHttps ?? false,
        authenticator: databaseAuthenticator(db, secret),
        refusalOf: ledgerRefusal
      },
      opts.limits
    )
    const stopCheckpoints = startCheckpointer(db)
    const listening = await listen(app, opts.port, opts.host ?? '127.0.0.1', () => {
      stopCheckpoints()
      db.close() // checkpoints what is left and removes the WAL file
    }).catch((err: unknown) => {
      stopCheckpoints()
      throw err
    })
    return { ...listening, db }
  } catch (err) {
    db.close()
    throw err
  }
}
