/**
 * After a duplicate-invoice answer the sale is posted, but its stamps are unknown: look it up
 * in the member's activities (type 0 with that invoice) and the member's stamps, best effort.
 */
import {
  ACTIVITY_PAGE_SIZE,
  ACTIVITY_TYPE,
  type ActivitiesResponse,
  type MembershipResponse
} from '../../shared/stamps'
import { localDay } from '../../shared/local-day'
import type { ActivitiesInput, MembershipInput } from '../stamps'
import type { QueuedSale } from './sale-key'
import type { PostedResponse } from './outbox-rows'

/** The part of the Stamps client the outbox needs; a test may pass a double. */
export interface LookupClient {
  activities(query: ActivitiesInput): Promise<ActivitiesResponse>
  membership(query: MembershipInput): Promise<MembershipResponse>
}

export interface LookupOptions {
  timeZone: string
  /** Needed for the member lookup; without it stamps_remaining stays unknown. */
  merchantId?: number
  pages?: number
}

/** Never throws: a failed lookup leaves nulls, the sale is posted either way. */
export async function lookUpPostedSale(
  client: LookupClient,
  sale: QueuedSale,
  day: string,
  opts: LookupOptions
): Promise<PostedResponse> {
  const out: PostedResponse = {
    customer: { status: null, id: null, stamps_remaining: null },
    transaction: { stamps_earned: null, id: null, value: sale.total_value }
  }
  const user = sale.user ?? sale.user_email
  if (!user) return out
  try {
    let olderThan: number | undefined
    for (let page = 0; page < (opts.pages ?? 3); page++) {
      const { activities } = await client.activities({ user, older_than: olderThan })
      const hit = activities.find(
        (a) =>
          a.type === ACTIVITY_TYPE.transaction &&
          a.transaction?.invoice_number === sale.invoice_number &&
          (a.created === undefined || localDay(a.created * 1000, opts.timeZone) === day)
      )
      if (hit?.transaction) {
        out.transaction.stamps_earned = hit.transaction.stamps
        const id = /#(\d+)$/.exec(hit.transaction.name)?.[1]
        out.transaction.id = id ? Number(id) : null
        break
      }
      if (activities.length < ACTIVITY_PAGE_SIZE) break
      olderThan = activities[activities.length - 1]?.id
    }
    if (opts.merchantId !== undefined) {
      const m = await client.membership({ user, merchant: opts.merchantId })
      out.customer = { status: m.membership.level_text, id: m.user.id, stamps_remaining: m.membership.stamps }
    }
  } catch {
    // Best effort by design: the duplicate answer already proved the sale is posted.
  }
  return out
}
