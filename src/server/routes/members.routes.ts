/** Member lookup (memberships/details), the health check and the Bearer-token exchange. */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { accessTokenRequestSchema, ACCESS_TOKEN_TTL_SECONDS } from '../../shared/stamps/auth'
import { membershipQuerySchema } from '../../shared/stamps/memberships'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { tokenField } from '../../shared/stamps/wire-values'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { signAccessToken } from '../../platform/http/jwt'
import { LEDGER_TEXT, LedgerError } from '../ledger/ledger-error'
import { membershipDetails } from '../ledger/members'
import { getMerchant } from '../ledger/merchants'

export function memberRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.membership,
    schema: membershipQuerySchema,
    errors: 'membership',
    handle: (merchantId, q) => membershipDetails(ctx.db, merchantId, q)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.ping,
    schema: z.object({ token: tokenField.optional() }),
    errors: 'fields',
    handle: (merchantId) => {
      const m = getMerchant(ctx.db, merchantId)!
      return { pong: { merchant: m.name, merchant_id: m.id } }
    }
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.accessToken,
    // the key may also come in a Token header, so the body's token is optional here
    schema: accessTokenRequestSchema.partial({ token: true }),
    errors: 'fields',
    handle: (merchantId, input) => {
      if (input.crm_merchant_id !== merchantId)
        throw new LedgerError('invalid', { crm_merchant_id: LEDGER_TEXT.invalidChoice })
      return { access_token: signAccessToken(ctx.secret, merchantId, ACCESS_TOKEN_TTL_SECONDS) }
    }
  })
}
