/** Balance API routes: credit, debit and cancel. */
import type { FastifyInstance } from 'fastify'
import { balanceCancelRequestSchema, balanceUpdateRequestSchema } from '../../shared/stamps/balances'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { cancelBalanceUpdate, creditBalance, debitBalance } from '../ledger/balances'

export function balanceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const common = { schema: balanceUpdateRequestSchema, errors: 'fields', stringFields: ['token', 'user'] } as const
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.credit,
    ...common,
    handle: (m, input) => creditBalance(ctx.db, m, input)
  })
  registerEndpoint(app, ctx, { ...STAMPS_PATHS.debit, ...common, handle: (m, input) => debitBalance(ctx.db, m, input) })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.cancelBalance,
    schema: balanceCancelRequestSchema,
    errors: 'fields',
    handle: (m, input) => cancelBalanceUpdate(ctx.db, m, input.id)
  })
}
