/** The IPC table: each channel calls one service function; no logic of its own lives here. */
import type { OutboxItem as OutboxView } from '../../shared/ipc'
import type { IpcHandlers } from '../ipc/ipc-router'
import { IpcRefusal } from '../ipc/ipc-router'
import { refuseStampsErrors } from '../ipc/stamps-refusal'
import type { MemberService } from '../members/member-service'
import type { Outbox, OutboxItem } from '../outbox'
import type { PrinterService } from '../printer'
import type { SaleDesk } from '../sales/sale-desk'
import type { StatusService } from '../status/status-service'
import type { StampsClient } from '../stamps'

export interface HandlerServices {
  status: StatusService
  members: MemberService
  desk: SaleDesk
  outbox: Outbox
  printer: PrinterService | null
  client: StampsClient
  store: number
}

const outboxView = (i: OutboxItem): OutboxView => ({
  id: i.id,
  invoiceNumber: i.invoice_number,
  store: i.store,
  state: i.state,
  attempts: i.attempts,
  totalValue: i.sale.total_value,
  user: i.sale.user ?? i.sale.user_email ?? '',
  lastError: i.last_error,
  fieldErrors: i.field_errors,
  createdAt: i.created_at
})

/** Refuses with the reason the service gave, for operations a person asked for on one item. */
function asRefusal<T>(call: () => T): T {
  try {
    return call()
  } catch (err) {
    throw new IpcRefusal('invalid-input', (err as Error).message)
  }
}

export function ipcHandlers(s: HandlerServices): Partial<IpcHandlers> {
  const needPrinter = (): PrinterService => s.printer ?? (() => { throw new IpcRefusal('printer', 'No printer is set up.') })()
  return {
    'status:get': async () => s.status.get(),
    'member:lookup': ({ query }) => s.members.lookup(query),
    'member:activities': ({ user, olderThan, merchantIds }) => s.members.activities(user, olderThan, merchantIds),
    'member:print-slip': async ({ user }) => ({ jobId: (await s.members.printSlip(user)).id }),
    'sale:preview': ({ user, totalValue }) =>
      refuseStampsErrors(() => s.client.previewEarnings({ store: s.store, total_value: totalValue, ...(user && { user }) })),
    'sale:submit': (input) => refuseStampsErrors(() => s.desk.submit(input)),
    'outbox:list': async () => ({ items: s.outbox.list({ limit: 200 }).map(outboxView) }),
    'outbox:discard': async ({ id }) => (asRefusal(() => s.outbox.discard(id)), { ok: true as const }),
    'printer:reprint': async ({ jobId }) => ({
      jobId: asRefusal(() => (jobId === undefined ? needPrinter().reprintLast() : needPrinter().reprint(jobId))).id
    })
  }
}
