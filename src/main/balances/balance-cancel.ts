/**
 * One-tap cancel of the last balance update posted at this till, and the slips both print.
 * Exactly once: Stamps flips an update's status under a guard, so a second cancel is a 400
 * "already canceled"; here a cancel in flight also blocks a second tap.
 */
import type { BalanceSlipInput } from '../../shared/receipt/balance-slip'
import { DomainError } from '../domain-error'
import { asDomainError, StampsError } from '../stamps'
import type { BalanceDeskDeps } from './balance-deps'

export interface LastUpdate {
  balanceUpdateId: number | null
  transactionNumber: string | null
  direction: 'credit' | 'debit'
  user: string
  amount: number
  at: number
  cancelable: boolean
}

const ALREADY = /already (been )?cancel/i

export class BalanceCancel {
  last: LastUpdate | null = null
  private inFlight = false

  constructor(private readonly deps: BalanceDeskDeps) {}

  remember(update: LastUpdate): void {
    this.last = update
  }

  /**
   * `balanceUpdateId` is the update the screen shows: if another update was posted since,
   * the tap refers to something else and is refused rather than cancelling the wrong one.
   */
  async cancelLast(balanceUpdateId: number): Promise<{
    balanceUpdateId: number
    direction: 'credit' | 'debit'
    amount: number
    balance: number | null
    slipJobId: number | null
  }> {
    const last = this.last
    if (!last) throw new DomainError('not-found', 'No balance update to cancel at this till.')
    if (last.balanceUpdateId === null) {
      throw new DomainError(
        'invalid-input',
        'This update was confirmed from the history and has no id to cancel by; cancel it in the Stamps dashboard.'
      )
    }
    if (last.balanceUpdateId !== balanceUpdateId)
      throw new DomainError('invalid-input', 'That is not the last update at this till.', [
        ['balanceUpdateId', 'not the last update']
      ])
    if (this.inFlight) throw new DomainError('invalid-input', 'This update is being canceled already.')
    this.inFlight = true
    let balance: number | null
    try {
      balance = (await this.deps.client.cancelBalance(balanceUpdateId)).customer.balance
    } catch (err) {
      if (!(
        err instanceof StampsError &&
        err.kind === 'validation' &&
        err.fieldErrors.some(([, m]) => ALREADY.test(m))
      )) {
        // Ambiguous: the update may be canceled or not. Tapping again is safe (see above).
        if (err instanceof StampsError && err.ambiguous) {
          throw new DomainError(
            'ambiguous',
            'Unknown whether the cancel went through. Tap cancel again: an update cannot be canceled twice.'
          )
        }
        throw asDomainError(err)
      }
      // Canceled by an earlier tap whose answer was lost: done, read the balance.
      balance = await this.deps.client.membership({ user: last.user, merchant: this.deps.merchant }).then(
        (m) => m.membership.balance,
        () => null
      )
    } finally {
      this.inFlight = false
    }
    if (this.last === last) this.last = null
    const slipJobId = this.printSlip({ kind: 'cancel', amount: last.amount, balance, reference: `#${balanceUpdateId}` })
    return { balanceUpdateId, direction: last.direction, amount: last.amount, balance, slipJobId }
  }

  /** Printing never undoes money: a failed slip is logged, the update stands. */
  printSlip(slip: Omit<BalanceSlipInput, 'merchant_name' | 'printed_at'>): number | null {
    if (!this.deps.printer) return null
    try {
      return this.deps.printer.printBalanceSlip({
        ...slip,
        merchant_name: this.deps.merchantName(),
        printed_at: new Date((this.deps.now ?? Date.now)())
      }).id
    } catch (err) {
      this.deps.log?.(`balance slip not queued: ${(err as Error).message}`)
      return null
    }
  }
}
