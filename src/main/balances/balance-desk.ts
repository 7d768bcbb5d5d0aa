/**
 * Balance credit and debit at the till. Money hazard: Stamps has no idempotency key for these,
 * so this desk never resends one: a repeat of the same confirmed intent (requestId) gets the
 * first answer, an ambiguous failure becomes an 'unknown' ticket that only reconciles.
 */
import { randomBytes } from 'node:crypto'
import type { BalanceOutcomeView } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import type { BalanceOutcome } from '../stamps'
import { asDomainError, StampsError } from '../stamps'
import { BalanceCancel, type LastUpdate } from './balance-cancel'
import type { BalanceDeskDeps } from './balance-deps'
import type { UnknownUpdate } from './unknown-store'

type Direction = 'credit' | 'debit'
type Posted = Extract<BalanceOutcome, { outcome: 'posted' }>

type Unknown = UnknownUpdate

// Enough for a shift's double clicks; an id older than this is no longer a double click.
const REMEMBERED = 200

export class BalanceDesk {
  readonly cancel: BalanceCancel
  private readonly byRequest = new Map<string, { key: string; answer: Promise<BalanceOutcomeView> }>()
  // Mirrored on disk (unknownStore), so "check again" still works after a restart.
  private readonly unknown = new Map<string, Unknown>()
  private readonly reconciling = new Map<string, Promise<BalanceOutcomeView>>()

  constructor(private readonly deps: BalanceDeskDeps) {
    this.cancel = new BalanceCancel(deps)
    for (const u of deps.unknownStore?.all() ?? []) this.unknown.set(u.ticketId, u)
  }

  /** Credits or debits once per requestId; a repeat with another body is refused. */
  update(direction: Direction, req: { requestId: string; user: string; amount: number }): Promise<BalanceOutcomeView> {
    const key = `${direction}|${req.user}|${req.amount}`
    const seen = this.byRequest.get(req.requestId)
    if (seen) {
      if (seen.key !== key)
        throw new DomainError('invalid-input', 'This request id belongs to another update.', [
          ['requestId', 'already used']
        ])
      return seen.answer
    }
    const answer = this.send(direction, req.user, req.amount)
    this.byRequest.set(req.requestId, { key, answer })
    if (this.byRequest.size > REMEMBERED) this.byRequest.delete(this.byRequest.keys().next().value!)
    // A refusal moved nothing for certain: the same confirm may be tried again.
    answer.catch(() => this.byRequest.get(req.requestId)?.answer === answer && this.byRequest.delete(req.requestId))
    return answer
  }

  /** Asks Stamps' history again about an unknown outcome. Never resends the update. */
  reconcile(ticketId: string): Promise<BalanceOutcomeView> {
    const entry = this.unknown.get(ticketId)
    if (!entry) throw new DomainError('not-found', 'No open unknown update with this id: it was settled already.')
    // One read at a time per ticket: two parallel reads could each claim the same activity.
    let run = this.reconciling.get(ticketId)
    if (!run) {
      run = this.deps.client
        .reconcileBalance(entry.ticket)
        .then((out) => this.settle(entry.direction, entry.user, entry.amount, out, ticketId, true))
      this.reconciling.set(ticketId, run)
      void run.finally(() => this.reconciling.delete(ticketId)).catch(() => undefined)
    }
    return run
  }

  unknowns(): BalanceOutcomeView[] {
    return [...this.unknown.values()].map((u) => ({
      outcome: 'unknown',
      ticketId: u.ticketId,
      direction: u.direction,
      user: u.user,
      amount: u.amount,
      reason: u.reason
    }))
  }

  last(): LastUpdate | null {
    return this.cancel.last
  }

  private async send(direction: Direction, user: string, amount: number): Promise<BalanceOutcomeView> {
    const request = { user, amount, merchant: this.deps.merchant, store: this.deps.store }
    const out = await (direction === 'credit' ? this.deps.client.credit(request) : this.deps.client.debit(request))
    return this.settle(direction, user, amount, out, randomBytes(8).toString('hex'), false)
  }

  private async settle(
    direction: Direction,
    user: string,
    amount: number,
    out: BalanceOutcome,
    ticketId: string,
    asked: boolean
  ): Promise<BalanceOutcomeView> {
    const base = { direction, user, amount }
    if (out.outcome === 'posted') {
      this.forget(ticketId)
      return this.posted(direction, user, amount, out)
    }
    if (out.outcome === 'unknown') {
      const entry = { ticketId, ...base, reason: out.reason, ticket: out.ticket }
      this.unknown.set(ticketId, entry)
      this.deps.unknownStore?.put(entry)
      this.deps.log?.(`balance ${direction} of ${amount} unknown (ticket ${ticketId}): ${out.reason}`)
      return { outcome: 'unknown', ticketId, ...base, reason: out.reason }
    }
    this.forget(ticketId)
    if (asked)
      return { outcome: 'not-posted', ticketId, ...base, reason: 'Stamps has no such update: it did not happen.' }
    throw notPostedRefusal(out.error)
  }

  private forget(ticketId: string): void {
    if (this.unknown.delete(ticketId)) this.deps.unknownStore?.delete(ticketId)
  }

  private async posted(direction: Direction, user: string, amount: number, out: Posted): Promise<BalanceOutcomeView> {
    // Reconciled updates come without Stamps' answer: read the balance rather than compute it.
    const balance =
      out.response?.customer.balance ??
      (await this.deps.client.membership({ user, merchant: this.deps.merchant }).then(
        (m) => m.membership.balance,
        () => null
      ))
    const reference = out.transaction_number ?? (out.balance_update_id !== null ? `#${out.balance_update_id}` : null)
    this.cancel.remember({
      balanceUpdateId: out.balance_update_id,
      transactionNumber: out.transaction_number,
      direction,
      user,
      amount,
      at: (this.deps.now ?? Date.now)(),
      cancelable: out.balance_update_id !== null
    })
    const slipJobId = this.cancel.printSlip({ kind: direction, amount, balance, reference })
    return {
      outcome: 'posted',
      direction,
      user,
      amount,
      balance,
      balanceUpdateId: out.balance_update_id,
      transactionNumber: out.transaction_number,
      reconciled: out.reconciled,
      slipJobId
    }
  }
}

/** Certainly not posted: Stamps said no (with fields), or nothing reached it. */
function notPostedRefusal(error: StampsError): unknown {
  if (error.kind === 'validation' || error.kind === 'not-found' || error.kind === 'auth' || error.kind === 'https')
    return asDomainError(error)
  return new DomainError(
    'unreachable',
    'Stamps could not be reached and the balance was not changed. Try again when it is back.'
  )
}
