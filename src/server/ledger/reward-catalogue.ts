/**
 * Reading the rewards catalogue: a store's list with the member's eligibility and vouchers, one
 * reward by code, and the merchant group's list. Writes nothing.
 */
import type {
  CatalogueReward,
  GroupRewardsQuery,
  RewardDetail,
  RewardsQuery,
  RewardsResponse
} from '../../shared/stamps/rewards'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { groupLevels, levelName } from './levels'
import { LEDGER_TEXT, LedgerError, throwIfInvalid } from './ledger-error'
import { requireMember, type MemberRow } from './members'
import { getMerchant, getStore, groupMerchantIds } from './merchants'
import { catalogueVoucherView, isUsable, memberVouchers } from './vouchers'

export interface RewardRow {
  id: number
  merchant_id: number
  code: string
  name: string
  description: string
  terms: string
  stamps_to_redeem: number
  type: number
  min_level: number
  all_stores: number
  channels: string
  is_active: number
  is_visible: number
  image_url: string
  extra_data: string
  voucher_template_id: number | null
}

const REWARD_COLUMNS = `id, merchant_id, code, name, description, terms, stamps_to_redeem, type, min_level, all_stores,
  channels, is_active, is_visible, image_url, extra_data, voucher_template_id`

export const rewardById = (db: Db, id: number): RewardRow | undefined =>
  sql(db, `SELECT ${REWARD_COLUMNS} FROM rewards WHERE id = ?`).get(id) as RewardRow | undefined

export const rewardByCode = (db: Db, merchantId: number, code: string): RewardRow | undefined =>
  sql(db, `SELECT ${REWARD_COLUMNS} FROM rewards WHERE merchant_id = ? AND code = ?`).get(merchantId, code) as
    RewardRow | undefined

/** Whether a reward can be redeemed at a store: every store of its merchant, or the listed ones. */
export function redeemableAt(db: Db, r: RewardRow, storeId: number): boolean {
  if (r.all_stores === 1) return getStore(db, storeId)?.merchant_id === r.merchant_id
  return sql(db, 'SELECT 1 FROM reward_stores WHERE reward_id = ? AND store_id = ?').get(r.id, storeId) !== undefined
}

export const rewardChannels = (r: RewardRow): number[] => JSON.parse(r.channels) as number[]

/** Active rewards of some merchants after the `afterId` cursor, by id (one index range per merchant). */
function activeRewards(db: Db, merchantIds: readonly number[], afterId: number): RewardRow[] {
  const stmt = sql(
    db,
    `SELECT ${REWARD_COLUMNS} FROM rewards WHERE merchant_id = ? AND is_active = 1 AND id > ? ORDER BY id`
  )
  return merchantIds.flatMap((m) => stmt.all(m, afterId) as RewardRow[]).sort((a, b) => a.id - b.id)
}

/** A catalogue entry; `redeemable` (with a member) follows level and store, as the documented example does, not stamps. */
function catalogueView(db: Db, r: RewardRow, groupId: number, redeemable?: boolean): CatalogueReward {
  return {
    stamps_to_redeem: r.stamps_to_redeem,
    image_url: r.image_url,
    landscape_url: null,
    id: r.id,
    membership: levelName(groupLevels(db, groupId), r.min_level),
    name: r.name,
    description: r.description,
    price: null,
    extra_data: JSON.parse(r.extra_data) as Record<string, unknown>,
    merchant_code: null,
    ...(redeemable !== undefined && { redeemable }),
    is_visible: r.is_visible === 1,
    terms: r.terms,
    code: r.code,
    type: r.type
  }
}

/** GET /api/rewards/: the merchant's rewards for a store, the member's eligibility and vouchers. */
export function listRewards(db: Db, callerId: number, q: RewardsQuery, nowMs = Date.now()): RewardsResponse {
  const caller = getMerchant(db, callerId)
  const merchant = getMerchant(db, q.merchant)
  const store = getStore(db, q.store)
  throwIfInvalid({
    ...(merchant && caller && merchant.group_id === caller.group_id ? {} : { merchant: LEDGER_TEXT.invalidChoice }),
    ...(store && store.merchant_id === q.merchant ? {} : { store: LEDGER_TEXT.invalidChoice })
  })
  const groupId = merchant!.group_id
  const member: MemberRow | undefined = q.user === undefined ? undefined : requireMember(db, groupId, q.user)
  let rows = activeRewards(db, [q.merchant], q.last_reward_id ?? 0)
  if (q.channel !== undefined) rows = rows.filter((r) => rewardChannels(r).includes(q.channel!))
  if (q.only_redeemable_in_this_store) rows = rows.filter((r) => redeemableAt(db, r, q.store))
  rows = rows.slice(0, q.per_page ?? rows.length)
  const rewards = rows.map((r) =>
    catalogueView(
      db,
      r,
      groupId,
      member ? member.level_number >= r.min_level && redeemableAt(db, r, q.store) : undefined
    )
  )
  if (!member) return { rewards, vouchers: [], customer: null }
  const today = localDay(nowMs, store!.time_zone)
  const vouchers = memberVouchers(db, member.membership_id, [q.merchant], q.last_voucher_id ?? 0)
    .filter((v) => q.include_inactive_vouchers || isUsable(v, today))
    .filter((v) => q.channel === undefined || (JSON.parse(v.t_channels) as number[]).includes(q.channel))
    .slice(0, q.per_page)
  return {
    rewards,
    vouchers: vouchers.map(catalogueVoucherView),
    customer: {
      id: member.user_id,
      stamps: member.stamps,
      membership_status: levelName(groupLevels(db, groupId), member.level_number)
    }
  }
}

/** GET /api/rewards/{code}: one of the caller's rewards, bare as the example shows it; unknown: 404. */
export function rewardDetail(db: Db, callerId: number, code: string): RewardDetail {
  const merchant = getMerchant(db, callerId)
  const r = merchant ? rewardByCode(db, callerId, code) : undefined
  if (!merchant || !r) throw new LedgerError('not_found')
  const stores = sql(
    db,
    r.all_stores === 1
      ? 'SELECT name FROM stores WHERE merchant_id = ? ORDER BY id'
      : 'SELECT s.name FROM reward_stores rs JOIN stores s ON s.id = rs.store_id WHERE rs.reward_id = ? ORDER BY s.id'
  )
    .pluck()
    .all(r.all_stores === 1 ? r.merchant_id : r.id) as string[]
  return {
    id: r.id,
    name: r.name,
    stamps_to_redeem: r.stamps_to_redeem,
    get_absolute_url: `/merchant/rewards/${r.code.toLowerCase()}`,
    is_cross_promo: false,
    description: r.description,
    redemption_url: '',
    membership: levelName(groupLevels(db, merchant.group_id), r.min_level),
    picture_url: r.image_url,
    is_active: r.is_active === 1,
    code: r.code,
    extra_data: JSON.parse(r.extra_data) as Record<string, unknown>,
    available_at: stores
  }
}

/** GET /api/rewards/by-merchant-group: every merchant of the caller's group. */
export function groupRewards(db: Db, callerId: number, q: GroupRewardsQuery): { rewards: CatalogueReward[] } {
  const caller = getMerchant(db, callerId)
  if (!caller) throw new LedgerError('not_found')
  const member = q.user === undefined ? undefined : requireMember(db, caller.group_id, q.user)
  let rows = activeRewards(db, groupMerchantIds(db, caller.group_id), q.last_reward_id ?? 0)
  if (q.channel !== undefined) rows = rows.filter((r) => rewardChannels(r).includes(q.channel!))
  if (q.type !== undefined) rows = rows.filter((r) => r.type === q.type)
  rows = rows.slice(0, q.per_page ?? rows.length)
  return {
    rewards: rows.map((r) =>
      catalogueView(db, r, caller.group_id, member ? member.level_number >= r.min_level : undefined)
    )
  }
}
