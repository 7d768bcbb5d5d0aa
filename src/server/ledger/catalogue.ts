/**
 * Per-merchant configuration of what members can spend stamps on: rewards (with their level,
 * stores and channels) and voucher templates, and issuing a voucher to a member.
 */
import { randomBytes } from 'node:crypto'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { groupLevels } from './levels'
import { getMerchant, invalidateMerchantCache } from './merchants'

export interface VoucherTemplateSpec {
  /** A fixed id (fixtures that replay documented examples); omitted: the next one. */
  id?: number
  merchantId: number
  name: string
  type?: number
  shortDescription?: string
  description?: string
  instructions?: string
  terms?: string
  value?: number | null
  validityDays?: number
  channels?: readonly number[]
}

/** Creates the merchant's template of this name, or updates it; returns its id. */
export function configureVoucherTemplate(db: Db, t: VoucherTemplateSpec): number {
  return db
    .transaction((): number => {
      const values = [
        t.type ?? 2,
        t.shortDescription ?? '',
        t.description ?? '',
        t.instructions ?? '',
        t.terms ?? '',
        t.value ?? null,
        t.validityDays ?? 30,
        JSON.stringify(t.channels ?? [1, 2, 3, 4, 5, 6])
      ]
      const id = sql(db, 'SELECT id FROM voucher_templates WHERE merchant_id = ? AND name = ?')
        .pluck()
        .get(t.merchantId, t.name) as number | undefined
      if (id !== undefined) {
        sql(
          db,
          `UPDATE voucher_templates SET type = ?, short_description = ?, description = ?, instructions = ?, terms = ?,
          value = ?, validity_days = ?, channels = ? WHERE id = ?`
        ).run(...values, id)
        return id
      }
      return Number(
        sql(
          db,
          `INSERT INTO voucher_templates (type, short_description, description, instructions, terms, value, validity_days,
          channels, merchant_id, name, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        ).run(...values, t.merchantId, t.name, t.id ?? null).lastInsertRowid
      )
    })
    .immediate()
}

export interface RewardSpec {
  merchantId: number
  code: string
  name: string
  stamps: number
  /** 1 Product, 3 Benefit, 4 Voucher, 5 Flexible. */
  type?: number
  /** The lowest level (by name) that may redeem it; omitted: every member. */
  level?: string
  /** Store ids it is limited to; omitted: every store of the merchant. */
  stores?: readonly number[]
  channels?: readonly number[]
  description?: string
  terms?: string
  active?: boolean
  voucherTemplateId?: number
  extraData?: Record<string, unknown>
}

/** Creates or updates the merchant's reward with this code (idempotent); returns its id. */
export function configureReward(db: Db, r: RewardSpec): number {
  const id = db
    .transaction((): number => {
      const merchant = getMerchant(db, r.merchantId)
      if (!merchant) throw new RangeError(`unknown merchant ${r.merchantId}`)
      const level =
        r.level === undefined ? 1 : groupLevels(db, merchant.group_id).find((l) => l.name === r.level)?.number
      if (level === undefined) throw new RangeError(`merchant ${r.merchantId} has no level ${r.level}`)
      const rewardId = sql(
        db,
        `INSERT INTO rewards (merchant_id, code, name, stamps_to_redeem, type, min_level, all_stores, channels, description,
        terms, is_active, voucher_template_id, extra_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (merchant_id, code) DO UPDATE SET name = excluded.name, stamps_to_redeem = excluded.stamps_to_redeem,
        type = excluded.type, min_level = excluded.min_level, all_stores = excluded.all_stores, channels = excluded.channels,
        description = excluded.description, terms = excluded.terms, is_active = excluded.is_active,
        voucher_template_id = excluded.voucher_template_id, extra_data = excluded.extra_data
      RETURNING id`
      )
        .pluck()
        .get(
          r.merchantId,
          r.code,
          r.name,
          r.stamps,
          r.type ?? 1,
          level,
          r.stores ? 0 : 1,
          JSON.stringify(r.channels ?? [1, 2, 3, 4, 5, 6]),
          r.description ?? '',
          r.terms ?? '',
          r.active === false ? 0 : 1,
          r.voucherTemplateId ?? null,
          JSON.stringify(r.extraData ?? {})
        ) as number
      sql(db, 'DELETE FROM reward_stores WHERE reward_id = ?').run(rewardId)
      for (const s of r.stores ?? [])
        sql(db, 'INSERT INTO reward_stores (reward_id, store_id) VALUES (?, ?)').run(rewardId, s)
      return rewardId
    })
    .immediate()
  invalidateMerchantCache(db)
  return id
}

/** Whether redemptions at this merchant need the member's PIN authorization first. */
export function setRedemptionPinRequired(db: Db, merchantId: number, required: boolean): void {
  sql(db, 'UPDATE merchants SET redemption_requires_pin = ? WHERE id = ?').run(required ? 1 : 0, merchantId)
}

export interface VoucherIssue {
  templateId: number
  membershipId: number
  /** A fixed code (seeded vouchers); omitted: a random one. */
  code?: string
  quantity?: number
  value?: number | null
  nowMs: number
  timeZone?: string
  /** Days it lasts; omitted: the template's validity. */
  validityDays?: number
  notes?: string
}

/** The day `days` after `day` (YYYY-MM-DD), as a calendar date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Issues a voucher (valid from today for the template's days); a fixed code already issued is left as is. */
export function issueVoucher(db: Db, v: VoucherIssue): number {
  const t = sql(db, 'SELECT validity_days, value FROM voucher_templates WHERE id = ?').get(v.templateId) as
    { validity_days: number; value: number | null } | undefined
  if (!t) throw new RangeError(`unknown voucher template ${v.templateId}`)
  const start = localDay(v.nowMs, v.timeZone)
  const code = v.code ?? randomBytes(5).toString('hex').toUpperCase()
  sql(
    db,
    `INSERT OR IGNORE INTO vouchers (template_id, membership_id, code, quantity, value, start_date, end_date, notes, created_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    v.templateId,
    v.membershipId,
    code,
    v.quantity ?? 1,
    v.value ?? t.value,
    start,
    addDays(start, v.validityDays ?? t.validity_days),
    v.notes ?? '',
    v.nowMs
  )
  return sql(db, 'SELECT id FROM vouchers WHERE code = ?').pluck().get(code) as number
}
