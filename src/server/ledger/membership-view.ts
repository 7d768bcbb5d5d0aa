/** A membership as the newer answers show it (redemptions, v2 sales and cancels, registration). */
import type { RedemptionMembership } from '../../shared/stamps/redemptions'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { groupLevels, levelName } from './levels'
import { fromCents } from './money'

interface MembershipState {
  id: number
  group_id: number
  level_number: number
  stamps: number
  balance_cents: number
  start_date: string
  created_ms: number
}

/** The sandbox keeps no referral codes: a stable stand-in per membership, of the documented type. */
export function referralCode(membershipId: number): string {
  return membershipId.toString(36).toUpperCase().padStart(5, '0')
}

/** The membership as it stands now (inside the change's db transaction: after the change). */
export function membershipNow(db: Db, membershipId: number): MembershipState {
  return sql(
    db,
    'SELECT id, group_id, level_number, stamps, balance_cents, start_date, created_ms FROM memberships WHERE id = ?'
  ).get(membershipId) as MembershipState
}

/**
 * The redeem answers' `membership`: `status` is the level number as documented there, with
 * `status_text` (its name) beside it, since level numbers differ between deployments.
 */
export function redemptionMembership(db: Db, membershipId: number): RedemptionMembership {
  const m = membershipNow(db, membershipId)
  return {
    tags: [],
    status: m.level_number,
    status_text: levelName(groupLevels(db, m.group_id), m.level_number),
    stamps: m.stamps,
    balance: fromCents(m.balance_cents),
    is_blocked: false,
    referral_code: referralCode(m.id),
    start_date: m.start_date,
    created: localDay(m.created_ms)
  }
}

/** The multiple-rewards and registration form: the level in `level`/`level_text`, `status` "Active". */
export function activeMembership(db: Db, membershipId: number): RedemptionMembership {
  const m = membershipNow(db, membershipId)
  return {
    level: m.level_number,
    level_text: levelName(groupLevels(db, m.group_id), m.level_number),
    status: 'Active',
    stamps: m.stamps,
    balance: fromCents(m.balance_cents),
    is_blocked: false,
    referral_code: referralCode(m.id),
    start_date: m.start_date,
    created: localDay(m.created_ms)
  }
}
