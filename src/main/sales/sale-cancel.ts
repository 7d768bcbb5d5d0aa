/**
 * Cancelling a posted sale: first show the stamps Stamps will take back, then cancel once with
 * the v2 cancel, which names the sale by its invoice number and day. The sale is found by those
 * two, never by an activity's display name ("Transaction #493" is not a contract). The member
 * may have spent the stamps; Stamps then refuses with `{"errors": {"info": ...}}`, which reaches
 * the screen as an explained refusal.
 */
import type { z } from 'zod'
import type { cancelPreviewSchema, cancelResultSchema } from '../../shared/ipc'
import { ACTIVITY_PAGE_SIZE, ACTIVITY_STATUS, ACTIVITY_TYPE, type Activity } from '../../shared/stamps'
import { DomainError } from '../domain-error'
import { localDay, STORE_TIME_ZONE } from '../../shared/local-day'
import type { Outbox } from '../outbox'
import { asDomainError, StampsError, type StampsClient } from '../stamps'

export interface SaleCancelDeps {
  client: Pick<StampsClient, 'activities' | 'membership' | 'cancelTransactionByInvoice'>
  outbox: Pick<Outbox, 'findByInvoice' | 'markCanceled'>
  merchant: number
  store: number
  /** The store's time zone: the day a sale from the history counts on (Asia/Jakarta by default). */
  timeZone?: string
}

/** A sale as Stamps' v2 cancel names it: invoice number and the store's local day (YYYY-MM-DD). */
export interface SaleRef {
  invoiceNumber: string
  date: string
}

type CancelPreview = z.infer<typeof cancelPreviewSchema>
type CancelResult = z.infer<typeof cancelResultSchema>

export class SaleCancel {
  private readonly inFlight = new Map<string, Promise<CancelResult>>()

  constructor(private readonly deps: SaleCancelDeps) {}

  /** What a cancel would take back: from this till's queue record, else the member's history. */
  async preview(req: { invoiceNumber: string; user?: string }): Promise<CancelPreview> {
    const item = this.deps.outbox.findByInvoice(this.deps.store, req.invoiceNumber)
    if (item && item.state !== 'posted')
      throw new DomainError('invalid-input', `This sale is ${item.state}, not posted: nothing to cancel.`, [
        ['invoiceNumber', item.state]
      ])
    const user = req.user ?? item?.sale.user ?? item?.sale.user_email
    if (!user)
      throw new DomainError('invalid-input', 'This till did not post that sale: say whose it is.', [
        ['user', 'required']
      ])
    // this till's record knows the day it keyed the sale on; the history gives the sale's time
    const [activity, member] = await Promise.all([
      this.findSale(user, req.invoiceNumber, item?.local_date),
      this.deps.client.membership({ user, merchant: this.deps.merchant })
    ])
    const date = item?.local_date ?? (activity?.created !== undefined ? this.dayOf(activity.created) : undefined)
    if (!date) throw new DomainError('not-found', 'No such sale in the member’s recent history.')
    const stamps = activity?.transaction?.stamps ?? item?.response?.transaction.stamps_earned ?? null
    return {
      invoiceNumber: req.invoiceNumber,
      date,
      transactionId: item?.response?.transaction.id ?? null,
      user,
      memberName: member.user.name,
      value: item?.sale.total_value ?? null,
      stampsToTakeBack: stamps,
      stampsNow: member.membership.stamps,
      enoughStamps: stamps === null ? null : member.membership.stamps >= stamps,
      alreadyCanceled: activity?.transaction?.status === ACTIVITY_STATUS.canceled
    }
  }

  /** Not retried (see StampsClient.cancelTransactionByInvoice); a second tap joins the first. */
  cancel(sale: SaleRef): Promise<CancelResult> {
    const key = `${sale.date}|${sale.invoiceNumber}`
    let run = this.inFlight.get(key)
    if (!run) {
      run = this.send(sale).finally(() => this.inFlight.delete(key))
      this.inFlight.set(key, run)
    }
    return run
  }

  private async send(sale: SaleRef): Promise<CancelResult> {
    try {
      const r = await this.deps.client.cancelTransactionByInvoice({
        invoice_number: sale.invoiceNumber,
        date: sale.date
      })
      // Today's sales show it cancelled; a sale this till did not post has no row to mark.
      this.deps.outbox.markCanceled(this.deps.store, sale.invoiceNumber, sale.date)
      return {
        transactionId: r.transaction.id,
        invoiceNumber: sale.invoiceNumber,
        date: sale.date,
        stampsTakenBack: r.transaction.stamps_earned,
        stampsRemaining: r.membership.stamps,
        level: r.membership.status_text ?? r.membership.level_text ?? null
      }
    } catch (err) {
      throw cancelRefusal(err)
    }
  }

  /**
   * The sale's type-0 activity, within 3 pages of history: this invoice on `day` when the day is
   * known, else its newest. An activity without a time names no day, so it cannot be the one.
   */
  private async findSale(user: string, invoice: string, day: string | undefined): Promise<Activity | undefined> {
    let olderThan: number | undefined
    for (let page = 0; page < 3; page++) {
      const { activities } = await this.deps.client.activities({
        user,
        ...(olderThan !== undefined && { older_than: olderThan })
      })
      const hit = activities.find(
        (a) =>
          a.type === ACTIVITY_TYPE.transaction &&
          a.transaction?.invoice_number === invoice &&
          a.created !== undefined &&
          (day === undefined || this.dayOf(a.created) === day)
      )
      if (hit || activities.length < ACTIVITY_PAGE_SIZE) return hit
      olderThan = activities[activities.length - 1]?.id
    }
    return undefined
  }

  /** The store's local day of an activity's `created` (epoch seconds). */
  private dayOf(createdSeconds: number): string {
    return localDay(createdSeconds * 1000, this.deps.timeZone ?? STORE_TIME_ZONE)
  }
}

/** Stamps' refusals of a cancel in a cashier's words; Stamps' own text stays in the fields. */
function cancelRefusal(err: unknown): unknown {
  if (!(err instanceof StampsError)) return err
  if (err.kind === 'validation') {
    const info = err.fieldErrors.find(([f]) => f === 'info')?.[1] ?? err.detail
    if (/insufficient/i.test(info)) {
      return new DomainError(
        'validation',
        'The member has already spent the stamps this sale earned, so Stamps will not cancel it.',
        [['info', info]]
      )
    }
    if (/already/i.test(info)) return new DomainError('validation', 'This sale was canceled already.', [['info', info]])
    if (err.status === 400) return new DomainError('validation', 'Stamps refused to cancel this sale.', err.fieldErrors)
  }
  if (err.kind === 'not-found')
    return new DomainError('not-found', 'Stamps has no sale with this invoice number on that day.')
  if (err.ambiguous)
    return new DomainError('ambiguous', 'Unknown whether the sale was canceled: check the history before trying again.')
  return asDomainError(err)
}
