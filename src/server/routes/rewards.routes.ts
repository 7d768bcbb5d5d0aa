/** Reward API routes: a store's catalogue, one reward by code, and the merchant group's catalogue. */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import { groupRewardsQuerySchema, rewardCodeSchema, rewardsQuerySchema } from '../../shared/stamps/rewards'
import { tokenField } from '../../shared/stamps/wire-values'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { groupRewards, listRewards, rewardDetail } from '../ledger/reward-catalogue'

export function rewardRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.rewards,
    schema: rewardsQuerySchema,
    // the documents show this call's 400 in the list form of transactions/add
    errors: 'transaction',
    handle: (merchantId, q) => listRewards(ctx.db, merchantId, q)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.groupRewards,
    schema: groupRewardsQuerySchema,
    errors: 'transaction',
    handle: (merchantId, q) => groupRewards(ctx.db, merchantId, q)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.reward,
    schema: z.object({ token: tokenField.optional(), code: rewardCodeSchema }),
    errors: 'coded',
    handle: (merchantId, q) => rewardDetail(ctx.db, merchantId, q.code)
  })
}
