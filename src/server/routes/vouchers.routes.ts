/** Voucher API routes: a member's vouchers across the group, one by code, and validation at the till. */
import type { FastifyInstance } from 'fastify'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import {
  groupVouchersQuerySchema,
  validateVoucherQuerySchema,
  voucherDetailsQuerySchema
} from '../../shared/stamps/vouchers'
import { registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import { groupVouchers, validateVoucher, voucherDetails } from '../ledger/vouchers'

export function voucherRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.groupVouchers,
    schema: groupVouchersQuerySchema,
    errors: 'coded',
    handle: (merchantId, q) => groupVouchers(ctx.db, merchantId, q)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.voucherDetails,
    schema: voucherDetailsQuerySchema,
    errors: 'coded',
    handle: (merchantId, q) => voucherDetails(ctx.db, merchantId, q)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.validateVoucher,
    schema: validateVoucherQuerySchema,
    errors: 'coded',
    handle: (merchantId, q) => validateVoucher(ctx.db, merchantId, q)
  })
}
