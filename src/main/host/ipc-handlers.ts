/** The IPC table: each channel calls one service function; no logic of its own lives here. */
import type { LivePrinter } from '../admin/live-printer'
import type { IpcHandlers } from '../ipc/ipc-router'
import { IpcRefusal } from '../ipc/ipc-router'
import { refuseStampsErrors } from '../ipc/stamps-refusal'
import type { MemberService } from '../members/member-service'
import type { Outbox } from '../outbox'
import { outboxView } from '../sales/queue-repair'
import type { SaleDesk } from '../sales/sale-desk'
import type { StatusService } from '../status/status-service'
import type { StampsClient } from '../stamps'

export interface HandlerServices {
  status: StatusService
  members: MemberService
  desk: SaleDesk
  outbox: Outbox
  printer: LivePrinter | null
  client: StampsClient
  store: number
}

/** Refuses with the reason the service gave, for operations a person asked for on one item. */
function asRefusal<T>(call: () => T): T {
  try {
    return call()
  } catch (err) {
    throw new IpcRefusal('invalid-input', (err as Error).message)
  }
}

export function ipcHandlers(s: HandlerServices): Partial<IpcHandlers> {
  const needPrinter = (): LivePrinter =>
    s.printer ??
    (() => {
      throw new IpcRefusal('printer', 'No printer is set up.')
    })()
  return {
    'status:get': async () => s.status.get(),
    'member:lookup': ({ query }) => s.members.lookup(query),
    'member:activities': ({ user, olderThan, merchantIds }) => s.members.activities(user, olderThan, merchantIds),
    'member:print-slip': async ({ user }) => ({ jobId: (await s.members.printSlip(user)).id }),
    'sale:preview': ({ user, totalValue }) =>
      refuseStampsErrors(() =>
        s.client.previewEarnings({ store: s.store, total_value: totalValue, ...(user && { user }) })
      ),
    'sale:submit': (input) => refuseStampsErrors(() => s.desk.submit(input)),
    'outbox:list': async () => ({ items: s.outbox.list({ limit: 200 }).map(outboxView) }),
    'printer:reprint': async ({ jobId }) => ({
      jobId: asRefusal(() => (jobId === undefined ? needPrinter().reprintLast() : needPrinter().reprint(jobId))).id
    })
  }
}
