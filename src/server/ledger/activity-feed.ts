/** The two activity lists of the Activity API, resolved for the calling merchant. */
import type { Db } from '../db/open-db'
import { groupActivityPage, merchantActivityPage, type ActivityRow } from './activities'
import { LedgerError } from './ledger-error'
import { requireMember } from './members'
import { getMerchant } from './merchants'

export interface FeedQuery {
  user: string
  older_than?: number
}

function caller(db: Db, merchantId: number) {
  const merchant = getMerchant(db, merchantId)
  if (!merchant) throw new LedgerError('not_found')
  return merchant
}

/** GET /api/v3/activities/: the member's activities made by the calling merchant. */
export function memberActivities(db: Db, merchantId: number, q: FeedQuery): ActivityRow[] {
  const merchant = caller(db, merchantId)
  const member = requireMember(db, merchant.group_id, q.user)
  return merchantActivityPage(db, member.user_id, merchant.id, q.older_than)
}

/** GET /api/v3/activities/by-merchant-group: every merchant of the group, or those named. */
export function groupActivities(
  db: Db,
  merchantId: number,
  q: FeedQuery & { merchant_id?: readonly number[] }
): ActivityRow[] {
  const merchant = caller(db, merchantId)
  const member = requireMember(db, merchant.group_id, q.user)
  return groupActivityPage(db, member.user_id, merchant.group_id, q.merchant_id, q.older_than)
}
