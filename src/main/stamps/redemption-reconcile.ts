/**
 * Redeeming a reward with no blind retry. Money hazard: redemptions carry no idempotency key,
 * so repeating one after a timeout or reset may spend the stamps twice. After an ambiguous
 * failure we read the member's activities for the type 1 entry the redemption would have
 * written (the reward's name and stamps, status Created); when that cannot decide, we say so
 * and a person decides.
 */
import { ACTIVITY_PAGE_SIZE, ACTIVITY_TYPE, type Activity, type RedeemRewardResponse } from '../../shared/stamps'
import { sleep as realSleep } from './backoff'
import type { StampsClientConfig } from './client-config'
import type { RedeemRewardInput } from './redemption-client'
import { StampsError } from './stamps-error'

/** The two calls it makes: one unretried redemption and activity reads. */
export interface RedemptionCalls {
  redeemReward(request: RedeemRewardInput): Promise<RedeemRewardResponse>
  activities(query: { user: string; older_than?: number }): Promise<{ activities: Activity[] }>
}

/** What the caller showed the member: the activity a redemption writes carries these. */
export interface ExpectedRedemption {
  name: string
  stamps: number
}

export interface RedemptionTicket {
  request: RedeemRewardInput & { user: string }
  expected: ExpectedRedemption
  /** Newest activity id seen before sending: anything newer appeared after we started. */
  sinceActivityId: number
  error: StampsError
}

export type RedemptionOutcome =
  | { outcome: 'redeemed'; response: RedeemRewardResponse | null; activity_id: number | null; reconciled: boolean }
  | { outcome: 'not-redeemed'; error: StampsError; reconciled: boolean }
  | { outcome: 'unknown'; reason: string; error: StampsError; ticket: RedemptionTicket }

export class RedemptionReconciler {
  // an activity matched to one request is never matched to another identical one
  private readonly claimed = new Set<number>()

  constructor(
    private readonly calls: RedemptionCalls,
    private readonly config: Pick<StampsClientConfig, 'reconcileSettleMs' | 'reconcilePages'>,
    private readonly sleep: (ms: number) => Promise<void> = realSleep
  ) {}

  /** Redeems once; an ambiguous failure is reconciled, never retried. */
  async redeem(
    request: RedeemRewardInput & { user: string },
    expected: ExpectedRedemption
  ): Promise<RedemptionOutcome> {
    let sinceActivityId: number
    try {
      const page = await this.calls.activities({ user: request.user })
      sinceActivityId = page.activities.reduce((max, a) => Math.max(max, a.id), 0)
    } catch (err) {
      return { outcome: 'not-redeemed', error: asStampsError(err), reconciled: false }
    }
    try {
      const response = await this.calls.redeemReward(request)
      return { outcome: 'redeemed', response, activity_id: null, reconciled: false }
    } catch (err) {
      const error = asStampsError(err)
      if (!error.ambiguous) return { outcome: 'not-redeemed', error, reconciled: false }
      return this.reconcile({ request, expected, sinceActivityId, error })
    }
  }

  /** Two reads a settle interval apart: one match is "redeemed", none in both "not redeemed", else "unknown". */
  async reconcile(ticket: RedemptionTicket): Promise<RedemptionOutcome> {
    for (let round = 0; round < 2; round++) {
      await this.sleep(this.config.reconcileSettleMs)
      const found = await this.search(ticket)
      if (typeof found === 'string') return { outcome: 'unknown', reason: found, error: ticket.error, ticket }
      if (found.length > 1)
        return {
          outcome: 'unknown',
          reason: `${found.length} matching redemptions appeared; cannot tell which is ours`,
          error: ticket.error,
          ticket
        }
      const match = found[0]
      if (match) {
        if (this.claimed.size > 10_000) this.claimed.clear()
        this.claimed.add(match.id)
        return { outcome: 'redeemed', response: null, activity_id: match.id, reconciled: true }
      }
    }
    return { outcome: 'not-redeemed', error: ticket.error, reconciled: true }
  }

  /** Matching activities newer than the snapshot, or why the search could not finish. */
  private async search(ticket: RedemptionTicket): Promise<Activity[] | string> {
    const matches: Activity[] = []
    let olderThan: number | undefined
    for (let page = 0; page < this.config.reconcilePages; page++) {
      let activities: Activity[]
      try {
        activities = (await this.calls.activities({ user: ticket.request.user, older_than: olderThan })).activities
      } catch (err) {
        return `could not read activities: ${asStampsError(err).message}`
      }
      for (const a of activities) {
        if (a.id <= ticket.sinceActivityId) return matches
        if (isMatch(a, ticket.expected) && !this.claimed.has(a.id)) matches.push(a)
      }
      const last = activities[activities.length - 1]
      if (activities.length < ACTIVITY_PAGE_SIZE || !last) return matches
      olderThan = last.id
    }
    return `more than ${this.config.reconcilePages * ACTIVITY_PAGE_SIZE} new activities since the request; read them by hand`
  }
}

function isMatch(a: Activity, expected: ExpectedRedemption): boolean {
  const r = a.redemption
  return a.type === ACTIVITY_TYPE.redemption && !!r && r.name === expected.name && r.stamps === expected.stamps
}

function asStampsError(err: unknown): StampsError {
  if (err instanceof StampsError) return err
  return new StampsError({
    kind: 'protocol',
    detail: err instanceof Error ? err.message : String(err),
    ambiguous: true
  })
}
