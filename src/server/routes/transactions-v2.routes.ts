/** The v2 sale routes: transactions/add (open sales with an empty user) and add-with-redemptions. */
import type { FastifyInstance } from 'fastify'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { addWithRedemptionsRequestSchema, v2AddTransactionRequestSchema } from '../../shared/stamps/transactions-v2'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { addTransactionV2, addWithRedemptions } from '../ledger/transactions-v2'

export function transactionV2Routes(app: FastifyInstance, ctx: ServerContext): void {
  const common = { errors: 'transaction', stringFields: ['token', 'user', 'invoice_number'] } as const
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.addTransactionV2,
    ...common,
    schema: v2AddTransactionRequestSchema,
    handle: (merchantId, input) => addTransactionV2(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.addWithRedemptions,
    ...common,
    schema: addWithRedemptionsRequestSchema,
    handle: (merchantId, input) => addWithRedemptions(ctx.db, merchantId, input)
  })
}
