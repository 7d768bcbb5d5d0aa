/**
 * Balance credit/debit with no blind retry. Money hazard: these endpoints carry no idempotency
 * key, so repeating one after a timeout or reset may move the money twice. Instead, after an
 * ambiguous failure we read the member's activities and look for the type-7 entry it would
 * have written; when we cannot tell, we say so and a person decides.
 */
import {
  ACTIVITY_PAGE_SIZE,
  ACTIVITY_TYPE,
  balanceUpdateRequestSchema,
  type Activity,
  type BalanceUpdateResponse
} from '../../shared/stamps'
import type { z } from 'zod'
import { sleep as realSleep } from './backoff'
import type { StampsClientConfig } from './client-config'
import { errorFromZod, StampsError } from './stamps-error'

type BalanceRequest = z.infer<typeof balanceUpdateRequestSchema>

/** The two calls the reconciler makes: one unretried POST and activity reads (the client's own). */
export interface ReconcileCalls {
  postBalanceUpdate(direction: 'credit' | 'debit', request: BalanceRequest): Promise<BalanceUpdateResponse>
  activities(query: { user: string; older_than?: number }): Promise<{ activities: Activity[] }>
}

/** What a person (or a later retry of the reconciliation) needs to decide an 'unknown'. */
export interface ReconcileTicket {
  direction: 'credit' | 'debit'
  request: BalanceRequest
  /** Newest activity id seen before sending: anything newer appeared after we started. */
  sinceActivityId: number
  error: StampsError
}

export type BalanceOutcome =
  | {
      outcome: 'posted'
      response: BalanceUpdateResponse | null
      balance_update_id: number | null
      /** From the type-7 activity when reconciled: what a person quotes to find the update. */
      transaction_number: string | null
      activity_id: number | null
      reconciled: boolean
    }
  | { outcome: 'not-posted'; error: StampsError; reconciled: boolean }
  | { outcome: 'unknown'; reason: string; error: StampsError; ticket: ReconcileTicket }

type Search = { matches: Activity[] } | { unsure: string }

export class BalanceReconciler {
  // Activities already matched to a request: two identical ambiguous credits must not both
  // claim the one that landed. Bounded; old entries are far below any new snapshot anyway.
  private readonly claimed = new Set<number>()

  constructor(
    private readonly client: ReconcileCalls,
    private readonly config: Pick<StampsClientConfig, 'reconcileSettleMs' | 'reconcilePages'>,
    private readonly sleep: (ms: number) => Promise<void> = realSleep
  ) {}

  async update(direction: 'credit' | 'debit', input: unknown): Promise<BalanceOutcome> {
    const parsed = balanceUpdateRequestSchema.safeParse(input)
    if (!parsed.success) return { outcome: 'not-posted', error: errorFromZod(parsed.error), reconciled: false }
    const { token: _token, ...request } = parsed.data
    // The snapshot costs one read per update, and buys a reconciliation that does not depend on
    // the kiosk's clock agreeing with the server's. If it fails, nothing has been sent yet.
    let sinceActivityId: number
    try {
      const page = await this.client.activities({ user: request.user })
      sinceActivityId = page.activities.reduce((max, a) => Math.max(max, a.id), 0)
    } catch (err) {
      return { outcome: 'not-posted', error: asStampsError(err), reconciled: false }
    }
    try {
      const response = await this.client.postBalanceUpdate(direction, request)
      const id = response.balance_update.id
      return {
        outcome: 'posted',
        response,
        balance_update_id: id,
        transaction_number: null,
        activity_id: null,
        reconciled: false
      }
    } catch (err) {
      const error = asStampsError(err)
      if (!error.ambiguous) return { outcome: 'not-posted', error, reconciled: false }
      return this.reconcile({ direction, request, sinceActivityId, error })
    }
  }

  /**
   * Two reads a settle interval apart: one match is "posted", none in both is "not posted",
   * anything else (several matches, unreadable activities) is "unknown, needs a person".
   * Residual risk, written down: a request the server is still holding when both reads ran
   * could commit later; the settle interval makes that unlikely, not impossible.
   */
  async reconcile(ticket: ReconcileTicket): Promise<BalanceOutcome> {
    for (let round = 0; round < 2; round++) {
      await this.sleep(this.config.reconcileSettleMs)
      const found = await this.search(ticket)
      if ('unsure' in found) return { outcome: 'unknown', reason: found.unsure, error: ticket.error, ticket }
      if (found.matches.length > 1) {
        return {
          outcome: 'unknown',
          reason: `${found.matches.length} matching balance updates appeared; cannot tell which is ours`,
          error: ticket.error,
          ticket
        }
      }
      const match = found.matches[0]
      if (match) {
        this.claim(match.id)
        const transaction_number = match.balance_update?.transaction_number ?? null
        return {
          outcome: 'posted',
          response: null,
          balance_update_id: null,
          transaction_number,
          activity_id: match.id,
          reconciled: true
        }
      }
    }
    return { outcome: 'not-posted', error: ticket.error, reconciled: true }
  }

  private async search(ticket: ReconcileTicket): Promise<Search> {
    const { request, direction } = ticket
    const signed = direction === 'debit' ? -request.amount : request.amount
    const matches: Activity[] = []
    let olderThan: number | undefined
    for (let page = 0; page < this.config.reconcilePages; page++) {
      let activities: Activity[]
      try {
        activities = (await this.client.activities({ user: request.user, older_than: olderThan })).activities
      } catch (err) {
        return { unsure: `could not read activities: ${asStampsError(err).message}` }
      }
      for (const a of activities) {
        if (a.id <= ticket.sinceActivityId) return { matches }
        if (isMatch(a, signed, request.merchant) && !this.claimed.has(a.id)) matches.push(a)
      }
      const last = activities[activities.length - 1]
      if (activities.length < ACTIVITY_PAGE_SIZE || !last) return { matches }
      olderThan = last.id
    }
    return {
      unsure: `more than ${this.config.reconcilePages * ACTIVITY_PAGE_SIZE} new activities since the request; read them by hand`
    }
  }

  private claim(id: number): void {
    if (this.claimed.size > 10_000) this.claimed.clear()
    this.claimed.add(id)
  }
}

function isMatch(a: Activity, signedAmount: number, merchant: number): boolean {
  if (a.type !== ACTIVITY_TYPE.changeBalance || !a.balance_update) return false
  if (a.merchant && a.merchant.id !== merchant) return false
  return Math.abs(a.balance_update.amount - signedAmount) < 0.005
}

function asStampsError(err: unknown): StampsError {
  if (err instanceof StampsError) return err
  return new StampsError({
    kind: 'protocol',
    detail: err instanceof Error ? err.message : String(err),
    ambiguous: true
  })
}
