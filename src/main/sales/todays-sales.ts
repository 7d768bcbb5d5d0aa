/** Today's sales at this store, read from the outbox: each sale's state, the day's totals, the shift summary slip. */
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { ShiftSummaryInput } from '../../shared/receipt/shift-summary'
import type { TodaySale, TodaySales, TodaySaleState } from '../../shared/ipc'
import { localDay, STORE_TIME_ZONE } from '../../shared/local-day'
import { DomainError } from '../domain-error'
import type { Outbox, OutboxItem } from '../outbox'

export interface TodaysSalesDeps {
  outbox: Pick<Outbox, 'day'>
  store: number
  printer: { printShiftSummary(input: ShiftSummaryInput): PrintJob } | null
  merchantName: () => string
  /** A member's name when this till has seen them (the member cache); null otherwise. */
  memberName?: (user: string) => string | null
  timeZone?: string
  now?: () => number
}

const STATES: TodaySaleState[] = ['posted', 'pending', 'refused', 'cancelled', 'discarded']

/** The outbox's state as the cashier reads it: a sale still queued or being sent is pending. */
export function saleState(item: Pick<OutboxItem, 'state' | 'canceled_at'>): TodaySaleState {
  switch (item.state) {
    case 'posted':
      return item.canceled_at === null ? 'posted' : 'cancelled'
    case 'failed':
      return 'refused'
    case 'discarded':
      return 'discarded'
    default:
      return 'pending'
  }
}

export class TodaysSales {
  constructor(private readonly deps: TodaysSalesDeps) {}

  /** Newest first. Takings count posted and pending sales; stamps those Stamps gave and did not take back. */
  list(): TodaySales {
    const now = (this.deps.now ?? Date.now)()
    const date = localDay(now, this.deps.timeZone ?? STORE_TIME_ZONE)
    const sales = this.deps.outbox
      .day(this.deps.store, date)
      .map((item) => this.view(item))
      .reverse()
    const byState = Object.fromEntries(
      STATES.map((s) => [s, { count: 0, value: 0 }])
    ) as TodaySales['totals']['byState']
    const takings = { count: 0, value: 0 }
    let stamps = 0
    for (const sale of sales) {
      byState[sale.state].count++
      byState[sale.state].value += sale.total
      if (sale.state === 'posted' || sale.state === 'pending') {
        takings.count++
        takings.value += sale.total
      }
      if (sale.state === 'posted') stamps += sale.stamps ?? 0
    }
    return { date, store: this.deps.store, sales, totals: { byState, takings, stamps } }
  }

  /** Prints today's totals; refuses when no printer is set up. */
  printShiftSummary(): PrintJob {
    if (!this.deps.printer) throw new DomainError('printer', 'No printer is set up.')
    const { date, store, totals } = this.list()
    return this.deps.printer.printShiftSummary({
      merchant_name: this.deps.merchantName(),
      store,
      date,
      by_state: totals.byState,
      takings: totals.takings,
      stamps: totals.stamps,
      printed_at: new Date((this.deps.now ?? Date.now)())
    })
  }

  private view(item: OutboxItem): TodaySale {
    const user = item.sale.user ?? item.sale.user_email ?? ''
    return {
      outboxId: item.id,
      at: item.created_at,
      invoiceNumber: item.invoice_number,
      user,
      memberName: this.deps.memberName?.(user) ?? null,
      total: item.sale.total_value,
      stamps: item.response?.transaction.stamps_earned ?? null,
      state: saleState(item)
    }
  }
}
