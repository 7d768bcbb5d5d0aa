/** Redemption API routes: redeem rewards and vouchers, cancel, and the member-PIN authorization. */
import type { FastifyInstance } from 'fastify'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import {
  authorizeRedemptionRequestSchema,
  cancelRedemptionRequestSchema,
  redeemByVoucherCodeRequestSchema,
  redeemMultipleRewardsRequestSchema,
  redeemRewardRequestSchema,
  redeemVoucherRequestSchema
} from '../../shared/stamps/redemptions'
import { Answer, registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { LedgerError } from '../ledger/ledger-error'
import { authorizeRedemption } from '../ledger/pin-authorization'
import { cancelRedemption, REDEMPTION_TEXT } from '../ledger/redemption-cancel'
import { redeemMultipleRewards, redeemReward } from '../ledger/reward-redemptions'
import { redeemByVoucherCode, redeemVoucher } from '../ledger/voucher-redemptions'

export function redemptionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const coded = { errors: 'coded', stringFields: ['user', 'invoice_number', 'request_id'] } as const
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.redeemReward,
    ...coded,
    schema: redeemRewardRequestSchema,
    handle: (merchantId, input) => redeemReward(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.redeemMultipleRewards,
    ...coded,
    schema: redeemMultipleRewardsRequestSchema,
    handle: (merchantId, input) => redeemMultipleRewards(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.redeemVoucher,
    ...coded,
    schema: redeemVoucherRequestSchema,
    handle: (merchantId, input) => redeemVoucher(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.redeemByVoucherCode,
    ...coded,
    schema: redeemByVoucherCodeRequestSchema,
    handle: (merchantId, input) => redeemByVoucherCode(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.authorizeRedemption,
    ...coded,
    schema: authorizeRedemptionRequestSchema,
    handle: (merchantId, input) => authorizeRedemption(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.cancelRedemption,
    schema: cancelRedemptionRequestSchema,
    // the cancel form: {"errors": {"info": ...}}
    errors: 'bare-fields',
    handle: (merchantId, input) => {
      try {
        return cancelRedemption(ctx.db, merchantId, input)
      } catch (err) {
        // its documented 404 has its own text, not the generic "Not found."
        if (err instanceof LedgerError && err.kind === 'not_found')
          return new Answer(404, { detail: REDEMPTION_TEXT.notFound })
        throw err
      }
    }
  })
}
