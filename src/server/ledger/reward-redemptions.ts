/** POST /api/v2/redemptions/redeem-reward and redeem-multiple-rewards, each one SQLite transaction. */
import type {
  IssuedVoucher,
  RedeemMultipleRewardsRequest,
  RedeemMultipleRewardsResponse,
  RedeemRewardRequest,
  RedeemRewardResponse
} from '../../shared/stamps/redemptions'
import type { Db } from '../db/open-db'
import { activeMembership, redemptionMembership } from './membership-view'
import { REFUSAL } from './redemption-refusals'
import { redeemContext, spendOnReward } from './redemptions'
import { rewardByCode, rewardById, type RewardRow } from './reward-catalogue'
import { voucherById } from './vouchers'

/** The issued voucher as the redeem answer shows it. */
function issuedVoucherView(db: Db, voucherId: number): IssuedVoucher {
  const v = voucherById(db, voucherId)!
  return {
    id: v.id,
    name: v.t_name,
    code: v.code,
    is_active: v.is_active === 1,
    start_date: v.start_date,
    end_date: v.end_date,
    value: v.value,
    picture_url: v.t_picture_url,
    short_description: v.t_short_description,
    description: v.t_description,
    instructions: v.t_instructions,
    terms_and_conditions: v.t_terms
  }
}

const rewardView = (r: RewardRow) => ({
  id: r.id,
  name: r.name,
  stamps_to_redeem: r.stamps_to_redeem,
  extra_data: JSON.parse(r.extra_data) as Record<string, unknown>,
  code: r.code,
  type: 'reward'
})

/** POST /api/v2/redemptions/redeem-reward: no idempotency key exists, so callers never retry it blindly. */
export function redeemReward(
  db: Db,
  merchantId: number,
  req: RedeemRewardRequest,
  nowMs = Date.now()
): RedeemRewardResponse {
  return db
    .transaction((): RedeemRewardResponse => {
      const ctx = redeemContext(db, merchantId, req, nowMs)
      const reward = rewardById(db, req.reward)
      if (!reward || reward.merchant_id !== merchantId) throw REFUSAL.rewardNotFound(req.reward)
      const spent = spendOnReward(db, ctx, reward, {
        ...(req.qty !== undefined && { qty: req.qty }),
        ...(req.stamps !== undefined && { stamps: req.stamps }),
        ...(req.extra_data && { extraData: req.extra_data })
      })
      return {
        redemption: spent.redemption,
        membership: redemptionMembership(db, ctx.member.membership_id),
        reward: rewardView(reward),
        ...(spent.voucherId !== undefined && { voucher: issuedVoucherView(db, spent.voucherId) })
      }
    })
    .immediate()
}

/** POST /api/v2/redemptions/redeem-multiple-rewards: all or nothing, in one db transaction. */
export function redeemMultipleRewards(
  db: Db,
  merchantId: number,
  req: RedeemMultipleRewardsRequest,
  nowMs = Date.now()
): RedeemMultipleRewardsResponse {
  return db
    .transaction((): RedeemMultipleRewardsResponse => {
      const base = redeemContext(db, merchantId, req, nowMs)
      const redemptions = req.rewards.map((entry) => {
        const reward = rewardByCode(db, merchantId, entry.code)
        if (!reward) throw REFUSAL.rewardNotFound(entry.code)
        const requestId = entry.request_id ?? req.request_id
        const ctx = { ...base, ...(requestId !== undefined && { requestId }) }
        const spent = spendOnReward(db, ctx, reward, {
          ...(entry.qty !== undefined && { qty: entry.qty }),
          ...(entry.stamps !== undefined && { stamps: entry.stamps })
        })
        return {
          ...spent.redemption,
          reward_detail: rewardView(reward),
          ...(spent.voucherId !== undefined && { voucher: issuedVoucherView(db, spent.voucherId) })
        }
      })
      return {
        redemption: redemptions[0]!,
        redemptions,
        membership: activeMembership(db, base.member.membership_id)
      }
    })
    .immediate()
}
