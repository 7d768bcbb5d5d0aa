/** Members: finding one by email, card number or mobile, registering one, and the details view. */
import { ACTIVITY_TYPE } from '../../shared/stamps/activities'
import type { MembershipResponse } from '../../shared/stamps/memberships'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { groupLevels, levelName } from './levels'
import { LEDGER_TEXT, LedgerError } from './ledger-error'
import { getMerchant } from './merchants'
import { fromCents } from './money'
import { writeActivity } from './activities'

export interface MemberRow {
  membership_id: number
  user_id: number
  group_id: number
  name: string
  email: string | null
  mobile_phone: string | null
  card_number: string | null
  level_number: number
  stamps: number
  balance_cents: number
  spending_cents: number
  start_date: string
  created_ms: number
}

// Joins cost this SQLite build ~20 us per execution here, against ~5 us per primary-key or
// unique-index lookup, so a member is read as two indexed lookups instead of one join.
const MEMBERSHIP_COLUMNS = `id AS membership_id, user_id, group_id, card_number, level_number, stamps, balance_cents,
  spending_cents, start_date, created_ms`

type UserRow = Pick<MemberRow, 'user_id' | 'name' | 'email' | 'mobile_phone'>

function userBy(db: Db, column: 'id' | 'email' | 'mobile_phone', value: string | number): UserRow | undefined {
  return sql(db, `SELECT id AS user_id, name, email, mobile_phone FROM users WHERE ${column} = ?`).get(value) as
    UserRow | undefined
}

function membershipOf(db: Db, groupId: number, user: UserRow | undefined): MemberRow | undefined {
  if (!user) return undefined
  const m = sql(db, `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE group_id = ? AND user_id = ?`).get(
    groupId,
    user.user_id
  )
  return m ? { ...(m as MemberRow), ...user } : undefined
}

/** Indonesian mobile numbers in one form: 0812..., 62812... and +62 812-... all become +62812.... */
export function normaliseMobile(raw: string): string | undefined {
  const digits = raw.replace(/[\s\-().]/g, '')
  const m = /^(?:\+?62|0)(8\d{6,13})$/.exec(digits)
  return m ? `+62${m[1]}` : undefined
}

/**
 * The membership in a group that `identifier` names: an email (compared lowercased), a card
 * number (member ID) or a mobile number, tried in that order.
 */
export function findMember(db: Db, groupId: number, identifier: string): MemberRow | undefined {
  const id = identifier.trim()
  if (id.includes('@')) return membershipOf(db, groupId, userBy(db, 'email', id.toLowerCase()))
  const byCard = sql(db, `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE card_number = ? AND group_id = ?`).get(
    id,
    groupId
  ) as MemberRow | undefined
  if (byCard) return { ...byCard, ...userBy(db, 'id', byCard.user_id)! }
  const mobile = normaliseMobile(id)
  return mobile ? membershipOf(db, groupId, userBy(db, 'mobile_phone', mobile)) : undefined
}

/** Like findMember, but a missing member is the ledger error `{<field>: "User not found"}`. */
export function requireMember(db: Db, groupId: number, identifier: string, field = 'user'): MemberRow {
  const member = findMember(db, groupId, identifier)
  if (!member) throw new LedgerError('invalid', { [field]: LEDGER_TEXT.userNotFound })
  return member
}

export interface Registration {
  merchantId: number
  name: string
  email?: string
  mobilePhone?: string
  cardNumber?: string
  nowMs?: number
}

/**
 * Registers a member in the merchant's group (reusing the user by email), at level 1 with no
 * stamps or balance, and writes the type 9 "Completed Registration" activity. Idempotent: an
 * existing membership is returned untouched.
 */
export function registerMember(db: Db, reg: Registration): MemberRow {
  return db
    .transaction(() => {
      const merchant = getMerchant(db, reg.merchantId)
      if (!merchant) throw new RangeError(`unknown merchant ${reg.merchantId}`)
      const now = reg.nowMs ?? Date.now()
      const email = reg.email?.trim().toLowerCase() ?? null
      const mobile = reg.mobilePhone ? (normaliseMobile(reg.mobilePhone) ?? reg.mobilePhone) : null
      let userId = email
        ? (sql(db, 'SELECT id FROM users WHERE email = ?').pluck().get(email) as number | undefined)
        : undefined
      if (userId === undefined) {
        userId = Number(
          sql(db, 'INSERT INTO users (name, email, mobile_phone, created_ms) VALUES (?, ?, ?, ?)').run(
            reg.name,
            email,
            mobile,
            now
          ).lastInsertRowid
        )
      }
      const existing = sql(db, 'SELECT id FROM memberships WHERE group_id = ? AND user_id = ?').get(
        merchant.group_id,
        userId
      )
      if (!existing) {
        sql(
          db,
          'INSERT INTO memberships (group_id, user_id, card_number, start_date, created_ms) VALUES (?, ?, ?, ?, ?)'
        ).run(merchant.group_id, userId, reg.cardNumber ?? null, localDay(now), now)
        writeActivity(
          db,
          { userId, groupId: merchant.group_id, merchantId: merchant.id },
          {
            type: ACTIVITY_TYPE.completedRegistration,
            created: Math.floor(now / 1000),
            notes: ''
          }
        )
      }
      return membershipOf(db, merchant.group_id, userBy(db, 'id', userId))!
    })
    .immediate()
}

/** GET /api/v2/memberships/details: `merchant` may name any merchant of the caller's group. */
export function membershipDetails(
  db: Db,
  callerMerchantId: number,
  q: { user: string; merchant: number }
): MembershipResponse {
  const caller = getMerchant(db, callerMerchantId)
  const named = getMerchant(db, q.merchant)
  if (!caller || !named || named.group_id !== caller.group_id)
    throw new LedgerError('invalid', { merchant: LEDGER_TEXT.invalidChoice })
  const m = requireMember(db, caller.group_id, q.user, '__all__')
  const levels = groupLevels(db, caller.group_id)
  return {
    membership: {
      level: m.level_number,
      level_text: levelName(levels, m.level_number),
      member_status: 'Active',
      stamps: m.stamps,
      balance: fromCents(m.balance_cents),
      is_blocked: false,
      start_date: m.start_date,
      created: new Date(m.created_ms).toISOString(),
      primary_card: m.card_number ? { number: m.card_number, is_active: true } : null
    },
    user: { id: m.user_id, name: m.name, email: m.email, mobile_phone: m.mobile_phone }
  }
}

/** Status text of a member in answers: its level's name. */
export function memberStatus(db: Db, member: Pick<MemberRow, 'group_id' | 'level_number'>): string {
  return levelName(groupLevels(db, member.group_id), member.level_number)
}
