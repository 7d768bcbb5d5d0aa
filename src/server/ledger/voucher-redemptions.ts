/**
 * Using a member's voucher: by id (v2 redeem-voucher), by code and template (by-voucher-code),
 * and by code inside add-with-redemptions. A use costs no stamps and takes one of the voucher's
 * uses with a guarded UPDATE, so two tills cannot both use its last one.
 */
import type {
  RedeemByVoucherCodeRequest,
  RedeemByVoucherCodeResponse,
  RedeemVoucherRequest,
  RedeemVoucherResponse,
  Redemption
} from '../../shared/stamps/redemptions'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { LEDGER_TEXT, LedgerError } from './ledger-error'
import { redemptionMembership } from './membership-view'
import { memberStatus } from './members'
import { requirePinAuthorization } from './pin-authorization'
import { REFUSAL } from './redemption-refusals'
import { recordRedemption, redeemContext, type RedeemContext } from './redemptions'
import { checkVoucherUse, voucherByCode, voucherById, type VoucherRow } from './vouchers'

/** One use of `v` inside the caller's db transaction; `field` names the voucher in refusals. */
export function useVoucher(
  db: Db,
  ctx: RedeemContext,
  v: VoucherRow,
  field: string,
  extraData?: Record<string, unknown>
): Redemption {
  if (v.membership_id !== ctx.member.membership_id) throw REFUSAL.voucherOwner(ctx.member.name)
  checkVoucherUse(v, ctx.store, ctx.nowMs, field, ctx.channel)
  requirePinAuthorization(db, ctx.merchant.id, ctx.member.user_id, ctx.requestId, ctx.nowMs)
  const taken = sql(db, 'UPDATE vouchers SET quantity = quantity - 1 WHERE id = ? AND quantity > 0').run(v.id).changes
  if (taken !== 1) throw REFUSAL.voucherUsed(field)
  const id = recordRedemption(db, ctx, {
    voucherId: v.id,
    name: v.t_name,
    stampsUsed: 0,
    qty: 1,
    ...(extraData && { extraData })
  })
  return { id, reward: v.t_name, stamps_used: 0, extra_data: extraData ?? {} }
}

/** POST /api/v2/redemptions/redeem-voucher */
export function redeemVoucher(
  db: Db,
  merchantId: number,
  req: RedeemVoucherRequest,
  nowMs = Date.now()
): RedeemVoucherResponse {
  return db
    .transaction((): RedeemVoucherResponse => {
      const ctx = redeemContext(db, merchantId, req, nowMs)
      const v = voucherById(db, req.voucher)
      if (!v) throw REFUSAL.voucherNotFound('voucher', req.voucher)
      const redemption = useVoucher(db, ctx, v, 'voucher', req.extra_data)
      return {
        redemption,
        membership: redemptionMembership(db, ctx.member.membership_id),
        voucher: { id: v.id, name: v.t_name, code: v.code, type: 'voucher' }
      }
    })
    .immediate()
}

/** POST /api/redemptions/by-voucher-code: `identifier` (table) or `user` (cURL) names the member. */
export function redeemByVoucherCode(
  db: Db,
  merchantId: number,
  req: RedeemByVoucherCodeRequest,
  nowMs = Date.now()
): RedeemByVoucherCodeResponse {
  return db
    .transaction((): RedeemByVoucherCodeResponse => {
      const user = req.identifier ?? req.user
      if (user === undefined) throw new LedgerError('invalid', { identifier: LEDGER_TEXT.required })
      const ctx = redeemContext(db, merchantId, { user, store: req.store }, nowMs)
      const v = voucherByCode(db, req.voucher_code)
      if (!v) throw REFUSAL.voucherNotFound('voucher_code', req.voucher_code)
      if (v.template_id !== req.voucher_template) throw REFUSAL.voucherWrongTemplate()
      const redemption = useVoucher(db, ctx, v, 'voucher_code')
      const m = redemptionMembership(db, ctx.member.membership_id)
      return {
        redemption: { id: redemption.id, status: 'Created' },
        customer: { id: ctx.member.user_id, status: memberStatus(db, ctx.member), stamps_remaining: m.stamps }
      }
    })
    .immediate()
}
