/**
 * The activity log: written as the ledger changes, read newest first in pages of 20. Each row
 * keeps its wire object pre-rendered, so a page is one index range scan plus string joins,
 * whatever the number of stored activities.
 */
import { ACTIVITY_PAGE_SIZE } from '../../shared/stamps/activities'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { groupMerchantIds } from './merchants'

export interface ActivityOwner {
  userId: number
  groupId: number
  merchantId: number
  transactionId?: number
  balanceUpdateId?: number
}

/** One stored activity: its id and its wire object without `id`, as JSON text. */
export interface ActivityRow {
  id: number
  payload: string
}

/** Appends an activity; `body` is the wire object minus `id` (which SQLite assigns). */
export function writeActivity(db: Db, owner: ActivityOwner, body: Record<string, unknown>): number {
  const r = sql(
    db,
    'INSERT INTO activities (user_id, group_id, merchant_id, transaction_id, balance_update_id, payload) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(
    owner.userId,
    owner.groupId,
    owner.merchantId,
    owner.transactionId ?? null,
    owner.balanceUpdateId ?? null,
    JSON.stringify(body)
  )
  return Number(r.lastInsertRowid)
}

/** Marks the sub-object of a ledger row's activity as canceled (status 2), in place. */
export function markActivityCanceled(db: Db, ref: { transactionId: number } | { balanceUpdateId: number }): void {
  if ('transactionId' in ref) {
    sql(
      db,
      `UPDATE activities SET payload = json_set(payload, '$.transaction.status', 2)
      WHERE id = (SELECT activity_id FROM transactions WHERE id = ?)`
    ).run(ref.transactionId)
  } else {
    sql(
      db,
      `UPDATE activities SET payload = json_set(payload, '$.balance_update.status', 2)
      WHERE id = (SELECT activity_id FROM balance_updates WHERE id = ?)`
    ).run(ref.balanceUpdateId)
  }
}

/** Exclusive upper bound standing in for "no cursor". */
const NO_CURSOR = Number.MAX_SAFE_INTEGER

/** One page of a member's activities with one merchant, newest first, ids below `olderThan`. */
export function merchantActivityPage(db: Db, userId: number, merchantId: number, olderThan?: number): ActivityRow[] {
  return sql(
    db,
    'SELECT id, payload FROM activities WHERE user_id = ? AND merchant_id = ? AND id < ? ORDER BY id DESC LIMIT ?'
  ).all(userId, merchantId, olderThan ?? NO_CURSOR, ACTIVITY_PAGE_SIZE) as ActivityRow[]
}

/**
 * One page across a merchant group, optionally narrowed to some of its merchants: at most one
 * page per merchant, each from its own index range, merged. O(page x merchants) whatever the
 * history's length, and one index fewer to write on every ledger change.
 */
export function groupActivityPage(
  db: Db,
  userId: number,
  groupId: number,
  merchantIds?: readonly number[],
  olderThan?: number
): ActivityRow[] {
  const inGroup = groupMerchantIds(db, groupId)
  // merchants outside the group are dropped: their activities are not this group's to show
  const wanted = merchantIds ? [...new Set(merchantIds)].filter((m) => inGroup.includes(m)) : inGroup
  const rows = wanted.flatMap((m) => merchantActivityPage(db, userId, m, olderThan))
  return rows.sort((a, b) => b.id - a.id).slice(0, ACTIVITY_PAGE_SIZE)
}

/** Renders a page as the documented JSON body without parsing the stored objects again. */
export function activitiesJson(rows: readonly ActivityRow[]): string {
  let out = '{"activities":['
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!
    out += `${i ? ',' : ''}{"id":${r.id}${r.payload.length > 2 ? ',' : ''}${r.payload.slice(1)}`
  }
  return out + ']}'
}

/** The page as objects (for XML answers and tests). */
export function activityObjects(rows: readonly ActivityRow[]): Array<Record<string, unknown>> {
  return rows.map((r) => ({ id: r.id, ...(JSON.parse(r.payload) as Record<string, unknown>) }))
}
