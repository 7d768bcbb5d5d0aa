/** Membership levels: which level a cumulative spending reaches, and the activity a change writes. */
import { ACTIVITY_TYPE } from '../../shared/stamps/activities'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { writeActivity } from './activities'
import { cachedConfig } from './merchants'

export interface Level {
  number: number
  name: string
  min_spending_cents: number
}

/** The levels a group's members climb: those of the group's program merchant, lowest first. */
export function groupLevels(db: Db, groupId: number): readonly Level[] {
  return (
    cachedConfig(
      db,
      `l:${groupId}`,
      () =>
        sql(
          db,
          `SELECT number, name, min_spending_cents FROM merchant_levels
       WHERE merchant_id = (SELECT program_merchant_id FROM merchant_groups WHERE id = ?) ORDER BY number`
        ).all(groupId) as Level[]
    ) ?? []
  )
}

/** The highest level whose threshold the spending reaches (level 1 starts at 0). */
export function levelForSpending(levels: readonly Level[], spendingCents: number): Level {
  let found = levels[0] ?? { number: 1, name: 'Blue', min_spending_cents: 0 }
  for (const l of levels) if (spendingCents >= l.min_spending_cents) found = l
  return found
}

/** Name of a level number, tolerating a number the current configuration no longer has. */
export function levelName(levels: readonly Level[], number: number): string {
  return levels.find((l) => l.number === number)?.name ?? levels[levels.length - 1]?.name ?? 'Blue'
}

export interface LevelContext {
  membershipId: number
  userId: number
  groupId: number
  merchantId: number
  nowMs: number
}

/**
 * Moves a membership to the level its new spending reaches, writing a type 5 (upgrade) or 6
 * (downgrade) activity when it changes. Call inside the ledger change's db transaction.
 */
export function settleLevel(
  db: Db,
  ctx: LevelContext,
  currentNumber: number,
  spendingCents: number,
  levels: readonly Level[]
): Level {
  const target = levelForSpending(levels, spendingCents)
  if (target.number === currentNumber) return target
  sql(db, 'UPDATE memberships SET level_number = ? WHERE id = ?').run(target.number, ctx.membershipId)
  const up = target.number > currentNumber
  const body = up
    ? {
        type: ACTIVITY_TYPE.membershipUpgrade,
        created: Math.floor(ctx.nowMs / 1000),
        notes: `Upgraded to ${target.name}`,
        stamps: 0
      }
    : {
        type: ACTIVITY_TYPE.membershipDowngrade,
        created: Math.floor(ctx.nowMs / 1000),
        notes: `Downgraded to ${target.name}`
      }
  writeActivity(db, { userId: ctx.userId, groupId: ctx.groupId, merchantId: ctx.merchantId }, body)
  return target
}
