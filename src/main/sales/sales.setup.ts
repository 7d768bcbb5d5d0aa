/**
 * The sales domain: one SaleService for every door a sale comes through (the bridge and the
 * desk), the desk's submit, receipts owed from before a restart, reprints and sale cancels.
 */
import type { Upstream } from '../host/upstream.setup'
import type { DiskHealth } from '../disk/disk-health'
import type { HostContext } from '../host/host-context'
import type { Outbox } from '../outbox'
import type { LivePrinter } from '../printer/live-printer'
import { SaleCancel } from './sale-cancel'
import { SaleDesk } from './sale-desk'
import type { MemberFigures } from './sale-receipt'
import { SaleReceipts } from './sale-receipts'
import { SaleService } from './sale-service'
import { TodaysSales } from './todays-sales'

export function setupSales(
  ctx: HostContext,
  deps: {
    upstream: Upstream
    outbox: Outbox
    printer: LivePrinter
    startedAt: number
    disk: DiskHealth
    /** A member's name from the members' cache, for today's sales list. */
    memberName?: (user: string) => string | null
  }
): SaleService {
  const { upstream, outbox, printer } = deps
  const { client } = upstream
  const { merchant, store } = ctx.settings
  const memberFigures = async (user: string): Promise<MemberFigures> => {
    const d = await client.membership({ user, merchant })
    return { level: d.membership.level_text, balance: d.membership.balance }
  }
  const receiptContext = () => ({ merchantName: upstream.merchantName() })
  const sales = new SaleService({
    outbox,
    printer,
    memberFigures,
    receiptContext,
    upstream: client.breaker,
    metrics: ctx.metrics,
    log: ctx.log
  })
  // Receipts owed from before the last stop print once the merchant's name is known.
  void upstream.named
    .then(() => sales.issueOwedReceipts(deps.startedAt))
    .then(
      (n) => n > 0 && ctx.log(`printed ${n} receipt(s) owed from before the last stop`),
      (e: Error) => ctx.log(`owed receipts: ${e.message}`)
    )

  // A receipt the full disk kept from the print queue is still owed: printed once the disk writes again.
  deps.disk.on('recovered', (part) => {
    if (part !== 'outbox' && part !== 'print-queue') return
    sales.issueOwedReceipts(Date.now()).then(
      (n) => n > 0 && ctx.log(`printed ${n} receipt(s) owed while the disk was full`),
      (e: Error) => ctx.log(`owed receipts: ${e.message}`)
    )
  })

  const receipts = new SaleReceipts({ printer, outbox, store, memberFigures, receiptContext })
  const desk = new SaleDesk(sales, store, undefined, (invoice) => receipts.firstReceipt(invoice))
  const cancel = new SaleCancel({ client, outbox, merchant, store })
  const today = new TodaysSales({
    outbox,
    store,
    printer,
    merchantName: upstream.merchantName,
    ...(deps.memberName && { memberName: deps.memberName })
  })
  ctx.ipc.register({
    'sale:preview': ({ user, totalValue }) =>
      client.previewEarnings({ store, total_value: totalValue, ...(user && { user }) }),
    'sale:submit': (input) => desk.submit(input),
    'sale:reprint-receipt': ({ invoiceNumber }) => receipts.reprintInvoice(invoiceNumber),
    'sale:cancel-preview': (req) => cancel.preview(req),
    'sale:cancel': (sale) => cancel.cancel(sale),
    'sale:today': () => today.list(),
    'sale:print-shift-summary': () => today.printShiftSummary()
  })
  return sales
}
