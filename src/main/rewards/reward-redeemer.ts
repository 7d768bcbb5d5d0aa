/**
 * Redeeming one reward for the member at the kiosk. Money hazard: Stamps gives redemptions no
 * idempotency key, so nothing here resends one: a repeat of the same confirm (requestId) gets the
 * first answer, an ambiguous failure is reconciled against the member's type 1 activities, and
 * what that cannot decide is an `unknown` ticket for a person. Offline, nothing is spent.
 */
import { randomBytes } from 'node:crypto'
import type { RedeemOutcome, RedeemRefusal, RewardView } from '../../shared/ipc'
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { RedemptionSlipInput } from '../../shared/receipt/redemption-slip'
import { DomainError } from '../domain-error'
import type {
  RedemptionClient,
  RedemptionOutcome,
  RedemptionReconciler,
  RedemptionTicket,
  StampsClient
} from '../stamps'
import { StampsError } from '../stamps'
import { KIOSK_CHANNEL, type RewardCatalogue } from './reward-catalogue'

export interface RewardRedeemerDeps {
  catalogue: Pick<RewardCatalogue, 'find'>
  reconciler: Pick<RedemptionReconciler, 'redeem' | 'reconcile'>
  redemptions: Pick<RedemptionClient, 'authorize'>
  client: Pick<StampsClient, 'membership'>
  merchant: number
  store: number
  printer: { printRedemptionSlip(slip: RedemptionSlipInput): PrintJob } | null
  merchantName: () => string
  log?: (line: string) => void
}

// Enough for a day's double taps; an id older than this is no longer a double tap.
const REMEMBERED = 200
/** How long a member's PIN authorizes the one redemption it was typed for. */
const PIN_SECONDS = 300

export class RewardRedeemer {
  private readonly byRequest = new Map<string, { key: string; answer: Promise<RedeemOutcome> }>()
  private readonly unknown = new Map<string, { ticket: RedemptionTicket; reward: RewardView }>()

  constructor(private readonly deps: RewardRedeemerDeps) {}

  /** Redeems once per requestId; the same id with another reward or member is refused. */
  redeem(req: { requestId: string; user: string; rewardId: number; pin?: string }): Promise<RedeemOutcome> {
    const key = `${req.user}|${req.rewardId}|${req.pin ?? ''}`
    const seen = this.byRequest.get(req.requestId)
    if (seen) {
      if (seen.key !== key)
        throw new DomainError('invalid-input', 'This request id belongs to another redemption.', [
          ['requestId', 'already used']
        ])
      return seen.answer
    }
    const answer = this.send(req)
    this.byRequest.set(req.requestId, { key, answer })
    if (this.byRequest.size > REMEMBERED) this.byRequest.delete(this.byRequest.keys().next().value!)
    // Certainly not spent: the same confirm may be tried again (with a PIN, or once back online).
    void answer.then(
      (out) => out.outcome === 'refused' && this.byRequest.delete(req.requestId),
      () => this.byRequest.delete(req.requestId)
    )
    return answer
  }

  /** Reads the member's history again about an unknown redemption; never resends it. */
  async reconcile(ticketId: string): Promise<RedeemOutcome> {
    const entry = this.unknown.get(ticketId)
    if (!entry) throw new DomainError('not-found', 'No open unknown redemption with this id: it was settled already.')
    const out = await this.deps.reconciler.reconcile(entry.ticket)
    if (out.outcome !== 'unknown') this.unknown.delete(ticketId)
    if (out.outcome === 'not-redeemed')
      return { outcome: 'refused', reason: 'other', message: 'Stamps has no such redemption: it did not happen.' }
    return this.settle(entry.ticket.request.user, entry.reward, out, ticketId)
  }

  private async send(req: { requestId: string; user: string; rewardId: number; pin?: string }): Promise<RedeemOutcome> {
    const { user, rewardId, pin } = req
    let reward: RewardView | undefined
    try {
      reward = await this.deps.catalogue.find(user, rewardId)
    } catch (err) {
      return refusedBy(err)
    }
    if (!reward) return refused('not-found', 'This reward is not offered here.')
    if (reward.lockedBy) return refused(reward.lockedBy, `Locked by ${reward.lockedBy}.`)
    // The PIN authorizes this one request: its id goes with the redemption.
    const requestId = pin ? `kiosk-${req.requestId}` : undefined
    if (pin && requestId) {
      try {
        await this.deps.redemptions.authorize({ user, pin, request_id: requestId, timeout: PIN_SECONDS })
      } catch (err) {
        return refusedBy(err)
      }
    }
    const out = await this.deps.reconciler.redeem(
      {
        user,
        reward: rewardId,
        store: this.deps.store,
        channel: KIOSK_CHANNEL,
        ...(requestId && { request_id: requestId })
      },
      { name: reward.name, stamps: reward.stamps }
    )
    return this.settle(user, reward, out, randomBytes(8).toString('hex'))
  }

  private async settle(
    user: string,
    reward: RewardView,
    out: RedemptionOutcome,
    ticketId: string
  ): Promise<RedeemOutcome> {
    if (out.outcome === 'not-redeemed') return refusedBy(out.error)
    if (out.outcome === 'unknown') {
      this.unknown.set(ticketId, { ticket: out.ticket, reward })
      this.deps.log?.(`redemption of ${reward.name} for ${user} unknown (ticket ${ticketId}): ${out.reason}`)
      return { outcome: 'unknown', ticketId, rewardName: reward.name, reason: out.reason }
    }
    const response = out.response
    // Reconciled redemptions come without Stamps' answer: read the stamps rather than compute them.
    const stamps =
      response?.membership.stamps ??
      (await this.deps.client.membership({ user, merchant: this.deps.merchant }).then(
        (m) => m.membership.stamps,
        () => null
      ))
    const redemptionId = response?.redemption.id ?? null
    const code = response?.voucher?.code ?? (redemptionId !== null ? `R-${redemptionId}` : `A-${out.activity_id ?? 0}`)
    return {
      outcome: 'redeemed',
      rewardName: reward.name,
      code,
      stamps,
      redemptionId,
      reconciled: out.reconciled,
      slipJobId: this.printSlip(reward, code, stamps)
    }
  }

  /** The slip is a courtesy: a printer problem never undoes or hides a redemption. */
  private printSlip(reward: RewardView, code: string, stamps: number | null): number | null {
    const { printer } = this.deps
    if (!printer) return null
    try {
      return printer.printRedemptionSlip({
        merchant_name: this.deps.merchantName(),
        reward: reward.name,
        code,
        stamps_used: reward.stamps,
        stamps_now: stamps,
        printed_at: new Date()
      }).id
    } catch (err) {
      this.deps.log?.(`redemption slip for ${code} not printed: ${err instanceof Error ? err.message : String(err)}`)
      return null
    }
  }
}

const refused = (reason: RedeemRefusal, message: string): RedeemOutcome => ({ outcome: 'refused', reason, message })

/** Stamps' error_code, when its answer carried one. */
function errorCode(err: StampsError): string | undefined {
  const body = err.body as { error_code?: unknown } | null | undefined
  return typeof body?.error_code === 'string' ? body.error_code : undefined
}

const REASONS: Record<string, RedeemRefusal> = {
  insufficient_stamps: 'stamps',
  invalid_membership_level: 'level',
  invalid_store: 'store',
  pin_required: 'pin-required',
  invalid_pin: 'invalid-pin',
  pin_blocked: 'pin-blocked',
  pin_not_set: 'pin-blocked',
  reward_not_found: 'not-found',
  reward_inactive: 'not-found'
}

/** A certain refusal: Stamps said no (with its code), or it could not be reached and nothing was spent. */
function refusedBy(err: unknown): RedeemOutcome {
  if (!(err instanceof StampsError)) throw err
  if (err.kind === 'validation' || err.kind === 'not-found') {
    const code = errorCode(err)
    return refused((code && REASONS[code]) || 'other', err.detail)
  }
  if (err.kind === 'auth' || err.kind === 'https') return refused('other', err.detail)
  return refused('offline', 'Stamps cannot be reached: nothing was redeemed.')
}
