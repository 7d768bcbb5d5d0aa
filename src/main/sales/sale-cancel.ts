/**
 * Cancelling a posted sale (transactions/cancel): first show the stamps Stamps will take back,
 * then cancel once. The member may have spent those stamps; Stamps then refuses with
 * `{"errors": {"info": ...}}`, which reaches the screen as an explained refusal.
 */
import { ACTIVITY_PAGE_SIZE, ACTIVITY_STATUS, ACTIVITY_TYPE, type Activity } from '../../shared/stamps'
import { DomainError } from '../domain-error'
import type { Outbox } from '../outbox'
import { asDomainError, StampsError, type StampsClient } from '../stamps'

export interface SaleCancelDeps {
  client: Pick<StampsClient, 'activities' | 'membership' | 'cancelTransaction'>
  outbox: Pick<Outbox, 'findByInvoice'>
  merchant: number
  store: number
}

const txId = (a: Activity): number | null => Number(/#(\d+)$/.exec(a.transaction?.name ?? '')?.[1] ?? NaN) || null

export class SaleCancel {
  private readonly inFlight = new Map<
    number,
    Promise<{ transactionId: number; stampsTakenBack: number; stampsRemaining: number; level: string }>
  >()

  constructor(private readonly deps: SaleCancelDeps) {}

  /** What a cancel would take back: from this till's queue record, else the member's history. */
  async preview(req: { transactionId?: number; invoiceNumber?: string; user?: string }) {
    const item =
      req.invoiceNumber !== undefined ? this.deps.outbox.findByInvoice(this.deps.store, req.invoiceNumber) : undefined
    if (item && item.state !== 'posted')
      throw new DomainError('invalid-input', `This sale is ${item.state}, not posted: nothing to cancel.`, [
        ['invoiceNumber', item.state]
      ])
    const user = req.user ?? item?.sale.user ?? item?.sale.user_email
    if (!user)
      throw new DomainError('invalid-input', 'This till did not post that sale: say whose it is.', [
        ['user', 'required']
      ])
    const wanted = { id: req.transactionId ?? item?.response?.transaction.id ?? undefined, invoice: req.invoiceNumber }
    const [activity, member] = await Promise.all([
      this.findSale(user, wanted),
      this.deps.client.membership({ user, merchant: this.deps.merchant })
    ])
    const transactionId = wanted.id ?? (activity && txId(activity))
    if (!transactionId) throw new DomainError('not-found', 'No such sale in the member’s recent history.')
    const stamps = activity?.transaction?.stamps ?? item?.response?.transaction.stamps_earned ?? null
    return {
      transactionId,
      invoiceNumber: activity?.transaction?.invoice_number ?? req.invoiceNumber ?? null,
      user,
      memberName: member.user.name,
      value: item?.sale.total_value ?? null,
      stampsToTakeBack: stamps,
      stampsNow: member.membership.stamps,
      enoughStamps: stamps === null ? null : member.membership.stamps >= stamps,
      alreadyCanceled: activity?.transaction?.status === ACTIVITY_STATUS.canceled
    }
  }

  /** Not retried (see StampsClient.cancelTransaction); a second tap joins the first. */
  cancel(transactionId: number) {
    let run = this.inFlight.get(transactionId)
    if (!run) {
      run = this.send(transactionId).finally(() => this.inFlight.delete(transactionId))
      this.inFlight.set(transactionId, run)
    }
    return run
  }

  private async send(transactionId: number) {
    try {
      const r = await this.deps.client.cancelTransaction(transactionId)
      return {
        transactionId,
        stampsTakenBack: r.transaction.stamps_earned,
        stampsRemaining: r.customer.stamps_remaining,
        level: r.customer.status
      }
    } catch (err) {
      if (err instanceof StampsError && err.kind === 'validation') {
        const info = err.fieldErrors.find(([f]) => f === 'info')?.[1] ?? err.detail
        if (/insufficient/i.test(info)) {
          throw new DomainError(
            'validation',
            'The member has already spent the stamps this sale earned, so Stamps will not cancel it.',
            [['info', info]]
          )
        }
        if (/already/i.test(info))
          throw new DomainError('validation', 'This sale was canceled already.', [['info', info]])
      }
      if (err instanceof StampsError && err.ambiguous) {
        throw new DomainError(
          'ambiguous',
          'Unknown whether the sale was canceled: check the history before trying again.'
        )
      }
      throw asDomainError(err)
    }
  }

  /** Type-0 activity of the sale, by transaction id or invoice, within 3 pages of history. */
  private async findSale(user: string, wanted: { id?: number; invoice?: string }): Promise<Activity | undefined> {
    let olderThan: number | undefined
    for (let page = 0; page < 3; page++) {
      const { activities } = await this.deps.client.activities({
        user,
        ...(olderThan !== undefined && { older_than: olderThan })
      })
      const hit = activities.find(
        (a) =>
          a.type === ACTIVITY_TYPE.transaction &&
          (wanted.id !== undefined ? txId(a) === wanted.id : a.transaction?.invoice_number === wanted.invoice)
      )
      if (hit || activities.length < ACTIVITY_PAGE_SIZE) return hit
      olderThan = activities[activities.length - 1]?.id
    }
    return undefined
  }
}
