/**
 * The IPC table of the cashier desk and admin screens: each channel calls one service
 * function, behind the session it needs. The guard runs in main; the renderer only asks.
 */
import type { Role } from '../../shared/ipc-admin'
import { printerCandidates, scannerCandidates } from '../admin/device-candidates'
import { changePin } from '../auth/pin-change'
import type { IpcHandlers } from '../ipc/ipc-router'
import { IpcRefusal } from '../ipc/ipc-router'
import { refuseStampsErrors } from '../ipc/stamps-refusal'
import type { DeskServices } from './desk-wiring'

/** Refuses with the reason the service gave, for operations a person asked for on one item. */
function asRefusal<T>(call: () => T): T {
  try {
    return call()
  } catch (err) {
    throw err instanceof IpcRefusal ? err : new IpcRefusal('invalid-input', (err as Error).message)
  }
}

export function deskHandlers(s: DeskServices): Partial<IpcHandlers> {
  const as =
    <Req, Res>(role: Role, fn: (req: Req) => Promise<Res> | Res) =>
    async (req: Req): Promise<Res> => {
      s.auth.require(role)
      return fn(req)
    }
  const { balances, printer } = s
  return {
    'auth:state': async () => s.auth.state(),
    'auth:unlock': ({ role, pin }) => s.auth.unlock(role, pin),
    'auth:lock': async () => (s.auth.lock(), { ok: true as const }),
    'auth:set-pin': as('admin', ({ role, pin }) => changePin(s.pins, role, pin)),

    'balance:credit': as('cashier', (req) => balances.update('credit', req)),
    'balance:debit': as('cashier', (req) => balances.update('debit', req)),
    'balance:reconcile': as('cashier', ({ ticketId }) => balances.reconcile(ticketId)),
    'balance:unknowns': as('cashier', () => ({ items: balances.unknowns() })),
    'balance:last': as('cashier', () => ({ last: balances.last() })),
    'balance:cancel-last': as('cashier', ({ balanceUpdateId }) => balances.cancel.cancelLast(balanceUpdateId)),

    'sale:cancel-preview': as('cashier', (req) => s.saleCancel.preview(req)),
    'sale:cancel': as('cashier', ({ transactionId }) => s.saleCancel.cancel(transactionId)),

    'outbox:resend': as('cashier', ({ id, fix }) => s.repair.resend(id, fix)),
    'outbox:discard': as('cashier', ({ id }) => (asRefusal(() => s.outbox.discard(id)), { ok: true as const })),
    'outbox:retry-now': async () => {
      s.outbox.retryNow()
      void s.status.probeNow()
      return { ok: true as const }
    },

    'printer:status': () => printer.status(),
    'printer:test': async () => printer.testPrint(),
    'printer:jobs': async ({ state, limit }) => ({
      jobs: printer.jobs({ limit: limit ?? 50, ...(state && { state }) })
    }),
    'printer:retry': async ({ id }) => asRefusal(() => printer.retry(id)),
    // Discarding a receipt loses it: a person with a session decides, as for queued sales.
    'printer:discard': as('cashier', ({ id }) => asRefusal(() => printer.discard(id))),
    'printer:preview': async ({ jobId }) => s.receipts.preview(jobId),
    'printer:reprint-invoice': ({ invoiceNumber }) =>
      refuseStampsErrors(() => s.receipts.reprintInvoice(invoiceNumber)),

    'settings:get': async () => s.settings.view(),
    'settings:save': as('admin', ({ patch }) => s.settings.save(patch)),
    'settings:test-upstream': as('admin', (req) => s.settings.testUpstream(req)),

    'scanner:status': async () => s.scannerTest.view(),
    'scanner:test-start': as('admin', () => s.scannerTest.start()),
    'scanner:test-stop': async () => s.scannerTest.stop(),
    'scanner:devices': as('admin', () => scannerCandidates(s.hidBackend)),
    'printer:candidates': as('admin', () => printerCandidates())
  }
}
