/** What the balance desk and its cancel step need: the Stamps calls, the till, the printer, a clock. */
import type { BalanceSlipInput } from '../../shared/receipt/balance-slip'
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { StampsClient } from '../stamps'
import type { UnknownUpdateStore } from './unknown-store'

export interface BalanceDeskDeps {
  client: Pick<StampsClient, 'credit' | 'debit' | 'reconcileBalance' | 'cancelBalance' | 'membership'>
  merchant: number
  store: number
  printer: { printBalanceSlip(slip: BalanceSlipInput): PrintJob } | null
  merchantName: () => string
  now?: () => number
  log?: (line: string) => void
  /** Where unknown outcomes are kept across restarts; memory only when absent (tests). */
  unknownStore?: UnknownUpdateStore
}
