/**
 * Spending stamps on a reward: the step redeem-reward, redeem-multiple-rewards and
 * add-with-redemptions share (the endpoints: reward-redemptions.ts). Money hazard: stamps never go negative. Each redemption is one
 * SQLite transaction whose stamp deduction is a guarded UPDATE (`WHERE stamps >= cost`), so
 * concurrent redemptions can at most use what is there; the CHECK constraint backs it up.
 */
import { ACTIVITY_STATUS, ACTIVITY_TYPE } from '../../shared/stamps/activities'
import type { Redemption } from '../../shared/stamps/redemptions'
import { REWARD_TYPE } from '../../shared/stamps/rewards'
import { CHANNEL_NAMES } from '../../shared/stamps/wire-values'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { writeActivity } from './activities'
import { issueVoucher } from './catalogue'
import { groupLevels, levelName } from './levels'
import { LEDGER_TEXT, throwIfInvalid } from './ledger-error'
import { findMember, type MemberRow } from './members'
import { getMerchant, getStore, type MerchantRow, type StoreRow } from './merchants'
import { requirePinAuthorization } from './pin-authorization'
import { REFUSAL } from './redemption-refusals'
import { redeemableAt, rewardChannels, type RewardRow } from './reward-catalogue'

/** Who redeems where: resolved once per call. */
export interface RedeemContext {
  merchant: MerchantRow
  store: StoreRow
  member: MemberRow
  channel?: number
  invoiceNumber?: string
  requestId?: string
  nowMs: number
}

/** Resolves caller, store and member together, so one answer names every bad field. */
export function redeemContext(
  db: Db,
  merchantId: number,
  req: { user: string; store: number; channel?: number; invoice_number?: string; request_id?: string },
  nowMs: number
): RedeemContext {
  const merchant = getMerchant(db, merchantId)!
  const store = getStore(db, req.store)
  const member = findMember(db, merchant.group_id, req.user)
  throwIfInvalid({
    ...(member ? {} : { user: LEDGER_TEXT.userNotFound }),
    ...(store && store.merchant_id === merchantId ? {} : { store: LEDGER_TEXT.invalidChoice })
  })
  return {
    merchant,
    store: store!,
    member: member!,
    nowMs,
    ...(req.channel !== undefined && { channel: req.channel }),
    ...(req.invoice_number !== undefined && { invoiceNumber: req.invoice_number }),
    ...(req.request_id !== undefined && { requestId: req.request_id })
  }
}

/** Takes `cost` stamps, or refuses with what is held; the guard is in the same statement. */
function takeStamps(db: Db, member: MemberRow, cost: number): number {
  const after = sql(db, 'UPDATE memberships SET stamps = stamps - ? WHERE id = ? AND stamps >= ? RETURNING stamps')
    .pluck()
    .get(cost, member.membership_id, cost) as number | undefined
  if (after !== undefined) return after
  const held = sql(db, 'SELECT stamps FROM memberships WHERE id = ?').pluck().get(member.membership_id) as number
  throw REFUSAL.insufficientStamps(cost, held)
}

export interface RedemptionRecord {
  rewardId?: number
  voucherId?: number
  issuedVoucherId?: number
  name: string
  stampsUsed: number
  qty: number
  extraData?: Record<string, unknown>
}

/** Writes the redemption row and its type 1 activity; returns the redemption id. */
export function recordRedemption(db: Db, ctx: RedeemContext, r: RedemptionRecord): number {
  const id = Number(
    sql(
      db,
      `INSERT INTO redemptions (merchant_id, store_id, membership_id, reward_id, voucher_id, issued_voucher_id, name,
      stamps_used, qty, invoice_number, channel, extra_data, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      ctx.merchant.id,
      ctx.store.id,
      ctx.member.membership_id,
      r.rewardId ?? null,
      r.voucherId ?? null,
      r.issuedVoucherId ?? null,
      r.name,
      r.stampsUsed,
      r.qty,
      ctx.invoiceNumber ?? null,
      ctx.channel ?? null,
      JSON.stringify(r.extraData ?? {}),
      ctx.nowMs
    ).lastInsertRowid
  )
  const activityId = writeActivity(
    db,
    { userId: ctx.member.user_id, groupId: ctx.merchant.group_id, merchantId: ctx.merchant.id },
    {
      type: ACTIVITY_TYPE.redemption,
      created: Math.floor(ctx.nowMs / 1000),
      notes: '',
      merchant: { id: ctx.merchant.id, name: ctx.merchant.name },
      store: { name: ctx.store.name, display_name: ctx.store.display_name },
      redemption: {
        stamps: r.stampsUsed,
        name: r.name,
        status: ACTIVITY_STATUS.created,
        channel: CHANNEL_NAMES[ctx.channel ?? 2] ?? 'POS'
      }
    }
  )
  sql(db, 'UPDATE redemptions SET activity_id = ? WHERE id = ?').run(activityId, id)
  return id
}

export interface RewardSpend {
  redemption: Redemption
  reward: RewardRow
  voucherId?: number
}

/**
 * One reward redeemed inside the caller's db transaction: the reward's level, store, channel
 * and PIN rules, then the guarded stamp deduction, the record and activity, and the voucher
 * the reward issues. A refusal thrown here rolls back everything the transaction did.
 */
export function spendOnReward(
  db: Db,
  ctx: RedeemContext,
  reward: RewardRow,
  opts: { qty?: number; stamps?: number; extraData?: Record<string, unknown> }
): RewardSpend {
  if (reward.merchant_id !== ctx.merchant.id) throw REFUSAL.rewardNotFound(reward.id)
  if (reward.is_active !== 1) throw REFUSAL.rewardInactive()
  if (ctx.member.level_number < reward.min_level)
    throw REFUSAL.wrongLevel(levelName(groupLevels(db, ctx.merchant.group_id), reward.min_level))
  if (!redeemableAt(db, reward, ctx.store.id)) throw REFUSAL.rewardWrongStore()
  if (ctx.channel !== undefined && !rewardChannels(reward).includes(ctx.channel)) throw REFUSAL.wrongChannel()
  requirePinAuthorization(db, ctx.merchant.id, ctx.member.user_id, ctx.requestId, ctx.nowMs)
  const qty = opts.qty ?? 1
  let cost = reward.stamps_to_redeem * qty
  if (reward.type === REWARD_TYPE.flexible) {
    if (opts.stamps === undefined || opts.stamps < reward.stamps_to_redeem)
      throw REFUSAL.flexibleNeedsStamps(reward.stamps_to_redeem)
    cost = opts.stamps
  }
  takeStamps(db, ctx.member, cost)
  const voucherId =
    reward.voucher_template_id === null
      ? undefined
      : issueVoucher(db, {
          templateId: reward.voucher_template_id,
          membershipId: ctx.member.membership_id,
          quantity: qty,
          nowMs: ctx.nowMs,
          timeZone: ctx.store.time_zone
        })
  const id = recordRedemption(db, ctx, {
    rewardId: reward.id,
    ...(voucherId !== undefined && { issuedVoucherId: voucherId }),
    name: reward.name,
    stampsUsed: cost,
    qty,
    ...(opts.extraData && { extraData: opts.extraData })
  })
  return {
    redemption: { id, reward: reward.name, stamps_used: cost, extra_data: opts.extraData ?? {} },
    reward,
    ...(voucherId !== undefined && { voucherId })
  }
}
