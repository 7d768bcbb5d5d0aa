/**
 * The receipt bridge: an HTTP server on loopback that speaks the Stamps API to host POS
 * software. Sales go through the durable outbox; everything else passes through to Stamps.
 */
import { z } from 'zod'
import {
  accessTokenRequestSchema,
  ACCESS_TOKEN_TTL_SECONDS,
  activitiesQuerySchema,
  addTransactionRequestSchema,
  balanceCancelRequestSchema,
  balanceUpdateRequestSchema,
  cancelTransactionByInvoiceRequestSchema,
  groupActivitiesQuerySchema,
  membershipQuerySchema,
  STAMPS_PATHS,
  tokenField
} from '../../shared/stamps'
import { createStampsApp, listen, type Listening } from '../../platform/http/create-http-app'
import { Answer, registerEndpoint, type EndpointContext, type EndpointDef } from '../../platform/http/endpoint'
import { signAccessToken } from '../../platform/http/jwt'
import type { SocketLimits } from '../../platform/http/socket-limits'
import type { SaleService } from '../sales/sale-service'
import type { StampsClient } from '../stamps'
import { answerBalance, answerPassThrough, answerSale, type BridgeAnswer } from './bridge-answers'
import { bridgeAuthenticator, bridgeJwtSecret } from './bridge-auth'
import { registerHealthRoutes, type HealthSources } from './health-routes'

export interface BridgeOptions {
  port: number
  token: string
  merchantId: number
  /** The merchant's own Stamps keys, accepted besides the bridge token. */
  merchantKeys?: readonly string[]
  sales: SaleService
  client: StampsClient
  /** How long a POS waits for Stamps before it gets the 202 "pending" answer. */
  saleWaitMs?: number
  log?: (line: string) => void
  /** Stamps confirmed a POS's cancel of the sale with this invoice on that store day (YYYY-MM-DD). */
  onSaleCanceled?: (sale: { invoiceNumber: string; date: string }) => void
  /** Narrows the house socket limits (the connection cap from settings; short deadlines in tests). */
  limits?: Partial<SocketLimits>
  /** /healthz, /readyz and /metrics, without a token (the bridge listens on loopback only). */
  health?: HealthSources
}

export interface Bridge {
  url: string
  port: number
  connections: Listening['connections']
  close(): Promise<void>
}

const asAnswer = (a: BridgeAnswer): Answer => new Answer(a.status, a.body, a.xml)

/** `user` or the older documents' `user_email` must name the member. */
const needsUser = (data: unknown): Record<string, string> => {
  const d = (data ?? {}) as Record<string, unknown>
  return d.user === undefined && d.user_email === undefined ? { user: 'This field is required.' } : {}
}

/** Starts the bridge on 127.0.0.1 only: it holds the merchant's credential on the POS's behalf. */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const app = createStampsApp({
    name: 'bridge',
    ...(opts.log && { log: opts.log }),
    ...(opts.limits && { limits: opts.limits })
  })

  const ctx: EndpointContext = {
    requireHttps: false,
    // Any web page open on this computer can reach 127.0.0.1: JSON and XML only, no other sites.
    refuseBrowserPosts: true,
    authenticator: bridgeAuthenticator(opts.token, opts.merchantId, opts.merchantKeys)
  }
  const { client, sales } = opts
  const waitMs = opts.saleWaitMs ?? 4_000
  const reg = <S extends z.ZodType>(def: EndpointDef<S>): void => registerEndpoint(app, ctx, def)

  reg({
    ...STAMPS_PATHS.addTransaction,
    schema: addTransactionRequestSchema,
    errors: 'transaction',
    stringFields: ['token', 'user', 'user_email', 'invoice_number'],
    check: needsUser,
    handle: async (_m, sale) => asAnswer(await answerSale(sales, sale, waitMs))
  })
  const balance = { schema: balanceUpdateRequestSchema, errors: 'fields', stringFields: ['token', 'user'] } as const
  reg({
    ...STAMPS_PATHS.credit,
    ...balance,
    handle: async (_m, r) => asAnswer(await answerBalance(client, 'credit', r))
  })
  reg({ ...STAMPS_PATHS.debit, ...balance, handle: async (_m, r) => asAnswer(await answerBalance(client, 'debit', r)) })
  reg({
    ...STAMPS_PATHS.cancelBalance,
    schema: balanceCancelRequestSchema,
    errors: 'fields',
    handle: async (_m, r) => asAnswer(await answerPassThrough(() => client.cancelBalance(r.id)))
  })
  const read = (call: () => Promise<unknown>) => answerPassThrough(call).then(asAnswer)
  // sent once: a POS that timed out must look before repeating, as for the balance cancel
  reg({
    ...STAMPS_PATHS.cancelTransactionByInvoice,
    schema: cancelTransactionByInvoiceRequestSchema,
    errors: 'bare-fields',
    stringFields: ['token', 'invoice_number'],
    handle: (_m, r) =>
      read(async () => {
        const answer = await client.cancelTransactionByInvoice(r)
        opts.onSaleCanceled?.({ invoiceNumber: r.invoice_number, date: r.date })
        return answer
      })
  })
  reg({
    ...STAMPS_PATHS.activities,
    schema: activitiesQuerySchema,
    errors: 'fields',
    handle: (_m, q) => read(() => client.activities(q))
  })
  reg({
    ...STAMPS_PATHS.groupActivities,
    schema: groupActivitiesQuerySchema,
    errors: 'fields',
    listFields: ['merchant_id'],
    handle: (_m, q) => read(() => client.groupActivities(q))
  })
  reg({
    ...STAMPS_PATHS.membership,
    schema: membershipQuerySchema,
    errors: 'membership',
    handle: (_m, q) => read(() => client.membership(q))
  })
  reg({
    ...STAMPS_PATHS.ping,
    schema: z.object({ token: tokenField.optional() }),
    errors: 'fields',
    handle: () => read(() => client.ping())
  })
  reg({
    ...STAMPS_PATHS.accessToken,
    schema: accessTokenRequestSchema.partial({ token: true }),
    errors: 'fields',
    handle: (merchantId, input) =>
      input.crm_merchant_id === merchantId
        ? { access_token: signAccessToken(bridgeJwtSecret(opts.token), merchantId, ACCESS_TOKEN_TTL_SECONDS) }
        : new Answer(400, {
            detail: 'crm_merchant_id: Select a valid choice.',
            errors: { crm_merchant_id: 'Select a valid choice. That choice is not one of the available choices.' }
          })
  })

  if (opts.health) registerHealthRoutes(app, opts.health)
  return listen(app, opts.port, '127.0.0.1')
}
