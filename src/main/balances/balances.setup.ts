/**
 * The balances domain: credit and debit at the till with no blind retry, unknown outcomes kept
 * on disk until a person settles them, and the one-tap cancel of the last update.
 */
import { join } from 'node:path'
import type { HostContext } from '../host/host-context'
import type { Upstream } from '../host/upstream.setup'
import type { LivePrinter } from '../printer/live-printer'
import { BalanceDesk } from './balance-desk'
import { UnknownUpdateStore } from './unknown-store'

export function setupBalances(ctx: HostContext, deps: { upstream: Upstream; printer: LivePrinter }): BalanceDesk {
  const unknownStore = new UnknownUpdateStore(join(ctx.dataDir, 'balances.sqlite'))
  ctx.onClose(() => unknownStore.close())
  const balances = new BalanceDesk({
    client: deps.upstream.client,
    merchant: ctx.settings.merchant,
    store: ctx.settings.store,
    printer: deps.printer,
    merchantName: deps.upstream.merchantName,
    log: ctx.log,
    unknownStore
  })
  ctx.ipc.register({
    'balance:credit': (req) => balances.update('credit', req),
    'balance:debit': (req) => balances.update('debit', req),
    'balance:reconcile': ({ ticketId }) => balances.reconcile(ticketId),
    'balance:unknowns': () => ({ items: balances.unknowns() }),
    'balance:last': () => ({ last: balances.last() }),
    'balance:cancel-last': ({ balanceUpdateId }) => balances.cancel.cancelLast(balanceUpdateId)
  })
  return balances
}
