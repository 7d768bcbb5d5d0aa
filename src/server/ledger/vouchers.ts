/**
 * A member's vouchers: reading them in the documented shapes, the checks every use of one
 * passes (owner, store, dates, uses left, channel), and the answers of the voucher reads.
 */
import type { CatalogueVoucher } from '../../shared/stamps/rewards'
import type {
  GroupVouchersQuery,
  MemberVoucher,
  ValidateVoucherQuery,
  ValidateVoucherResponse,
  VoucherDetailsQuery
} from '../../shared/stamps/vouchers'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { LEDGER_TEXT, LedgerError } from './ledger-error'
import { findMember, requireMember } from './members'
import { getMerchant, getStore, groupMerchantIds, type StoreRow } from './merchants'
import { REFUSAL } from './redemption-refusals'

export interface VoucherRow {
  id: number
  template_id: number
  membership_id: number
  code: string
  quantity: number
  value: number | null
  start_date: string
  end_date: string
  is_active: number
  notes: string
  t_merchant_id: number
  t_name: string
  t_type: number
  t_short_description: string
  t_description: string
  t_instructions: string
  t_terms: string
  t_value: number | null
  t_channels: string
  t_picture_url: string
  t_landscape_picture_url: string
  t_extra_data: string
}

const VOUCHER_SELECT = `SELECT v.id, v.template_id, v.membership_id, v.code, v.quantity, v.value, v.start_date, v.end_date,
  v.is_active, v.notes, t.merchant_id AS t_merchant_id, t.name AS t_name, t.type AS t_type,
  t.short_description AS t_short_description, t.description AS t_description, t.instructions AS t_instructions,
  t.terms AS t_terms, t.value AS t_value, t.channels AS t_channels, t.picture_url AS t_picture_url,
  t.landscape_picture_url AS t_landscape_picture_url, t.extra_data AS t_extra_data
  FROM vouchers v JOIN voucher_templates t ON t.id = v.template_id`

export const voucherById = (db: Db, id: number): VoucherRow | undefined =>
  sql(db, `${VOUCHER_SELECT} WHERE v.id = ?`).get(id) as VoucherRow | undefined

export const voucherByCode = (db: Db, code: string): VoucherRow | undefined =>
  sql(db, `${VOUCHER_SELECT} WHERE v.code = ?`).get(code.trim()) as VoucherRow | undefined

/** A member's vouchers of some merchants, oldest first, after the `afterId` cursor. */
export function memberVouchers(
  db: Db,
  membershipId: number,
  merchantIds: readonly number[],
  afterId = 0
): VoucherRow[] {
  const rows = sql(db, `${VOUCHER_SELECT} WHERE v.membership_id = ? AND v.id > ? ORDER BY v.id`).all(
    membershipId,
    afterId
  ) as VoucherRow[]
  return rows.filter((r) => merchantIds.includes(r.t_merchant_id))
}

const channelsOf = (v: VoucherRow): number[] => JSON.parse(v.t_channels) as number[]

/** Still usable on `today`: active, a use left, within its dates. */
export function isUsable(v: VoucherRow, today: string): boolean {
  return v.is_active === 1 && v.quantity > 0 && v.start_date <= today && today <= v.end_date
}

/**
 * Why this voucher cannot be used now at `store` (throws the refusal), checked in the order a
 * cashier can act on: store, active, used, dates, channel. Ownership is the caller's check.
 */
export function checkVoucherUse(v: VoucherRow, store: StoreRow, nowMs: number, field: string, channel?: number): void {
  const today = localDay(nowMs, store.time_zone)
  if (store.merchant_id !== v.t_merchant_id) throw REFUSAL.voucherWrongStore()
  if (v.is_active !== 1) throw REFUSAL.voucherInactive(field)
  if (v.quantity <= 0) throw REFUSAL.voucherUsed(field)
  if (today > v.end_date) throw REFUSAL.voucherExpired(field)
  if (today < v.start_date) throw REFUSAL.voucherNotStarted(field)
  if (channel !== undefined && !channelsOf(v).includes(channel)) throw REFUSAL.wrongChannel()
}

/** The voucher as by-merchant-group and details show it. */
export function memberVoucherView(v: VoucherRow, detailed = false): MemberVoucher {
  const template = {
    id: v.template_id,
    name: v.t_name,
    type: v.t_type,
    short_description: v.t_short_description,
    ...(detailed && {
      description: v.t_description,
      instructions: v.t_instructions,
      terms_and_conditions: v.t_terms
    }),
    picture_url: v.t_picture_url,
    landscape_picture_url: v.t_landscape_picture_url,
    merchant_id: v.t_merchant_id,
    merchant_code: null,
    extra_data: JSON.parse(v.t_extra_data) as Record<string, unknown>
  }
  return {
    id: v.id,
    code: v.code,
    is_active: v.is_active === 1,
    quantity: v.quantity,
    notes: v.notes,
    value: v.value,
    ...(detailed && { terms_and_conditions: v.t_terms }),
    start_date: v.start_date,
    end_date: v.end_date,
    constraint: { channels: channelsOf(v) },
    template
  }
}

const TYPE_LABELS = ['', 'cross promotion', 'regular', 'promotion', 'signup', 'birthday', 'referral', 'pregenerated']

/** The voucher as the rewards catalogue lists it: `type` "promotion 1" (label, template id), `expires_on` DD-MM-YYYY HH:MM. */
export function catalogueVoucherView(v: VoucherRow): CatalogueVoucher {
  const [y, m, d] = v.end_date.split('-')
  return {
    id: v.id,
    name: v.t_name,
    code: v.code,
    landscape_url: v.t_landscape_picture_url,
    image_url: v.t_picture_url,
    type: `${TYPE_LABELS[v.t_type] ?? 'anniversary'} ${v.template_id}`,
    expires_on: `${d}-${m}-${y} 23:59`,
    terms: v.t_terms,
    quantity: v.quantity,
    constraint: { channels: channelsOf(v) },
    extra_data: JSON.parse(v.t_extra_data) as Record<string, unknown>
  }
}

function callerGroup(db: Db, merchantId: number): number {
  const merchant = getMerchant(db, merchantId)
  if (!merchant) throw new LedgerError('not_found')
  return merchant.group_id
}

/** GET /api/vouchers/by-merchant-group: the member's usable vouchers of the caller's group. */
export function groupVouchers(db: Db, merchantId: number, q: GroupVouchersQuery, nowMs = Date.now()) {
  const groupId = callerGroup(db, merchantId)
  const member = requireMember(db, groupId, q.user)
  const today = localDay(nowMs)
  const rows = memberVouchers(db, member.membership_id, groupMerchantIds(db, groupId)).filter(
    (v) => isUsable(v, today) && (q.channel === undefined || channelsOf(v).includes(q.channel))
  )
  return { vouchers: rows.map((v) => memberVoucherView(v)) }
}

/** GET /api/vouchers/details: one of the member's vouchers by code, bare as the example shows it. */
export function voucherDetails(db: Db, merchantId: number, q: VoucherDetailsQuery): MemberVoucher {
  const groupId = callerGroup(db, merchantId)
  const member = requireMember(db, groupId, q.user)
  const v = voucherByCode(db, q.code)
  if (!v || v.membership_id !== member.membership_id) throw REFUSAL.voucherNotFound('code', q.code)
  return memberVoucherView(v, true)
}

/** GET /api/vouchers/validate: can this code be used at this store (by this member)? */
export function validateVoucher(
  db: Db,
  merchantId: number,
  q: ValidateVoucherQuery,
  nowMs = Date.now()
): ValidateVoucherResponse {
  const groupId = callerGroup(db, merchantId)
  const named = getMerchant(db, q.merchant)
  if (!named || named.group_id !== groupId) throw new LedgerError('invalid', { merchant: LEDGER_TEXT.invalidChoice })
  const store = getStore(db, q.store)
  if (!store || store.merchant_id !== q.merchant) throw new LedgerError('invalid', { store: LEDGER_TEXT.invalidChoice })
  const v = voucherByCode(db, q.voucher_code)
  const owner = v ? ownerOf(db, v.membership_id) : undefined
  if (!v || !owner || owner.group_id !== groupId) throw REFUSAL.voucherNotFound('voucher_code', q.voucher_code)
  if (q.user !== undefined) {
    const asked = findMember(db, groupId, q.user)
    if (!asked) throw new LedgerError('invalid', { user: LEDGER_TEXT.userNotFound })
    if (asked.membership_id !== v.membership_id) throw REFUSAL.voucherOwner(asked.name)
  }
  checkVoucherUse(v, store, nowMs, 'voucher_code')
  return {
    is_redeemable: true,
    user: { email: owner.email, name: owner.name, phone: owner.mobile_phone },
    voucher: {
      extra_data: JSON.parse(v.t_extra_data) as Record<string, unknown>,
      id: v.id,
      name: v.t_name,
      value: v.value,
      start_date: v.start_date,
      end_date: v.end_date,
      validity: v.t_value === null ? 'Dynamic' : 'Static'
    }
  }
}

/** Who holds a membership: what validate reports about a voucher's owner. */
interface Holder {
  group_id: number
  name: string
  email: string | null
  mobile_phone: string | null
}

function ownerOf(db: Db, membershipId: number): Holder | undefined {
  return sql(
    db,
    `SELECT m.group_id, u.name, u.email, u.mobile_phone FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = ?`
  ).get(membershipId) as Holder | undefined
}
