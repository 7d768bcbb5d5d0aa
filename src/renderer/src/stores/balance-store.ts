/**
 * Balance credit/debit slice. Money hazard: Stamps has no idempotency key for balance updates,
 * so one confirm dialog carries one `requestId`: a double tap repeats the same id and main
 * answers it once. An `unknown` outcome is only ever reconciled, never sent again.
 */
import { create } from 'zustand'
import type { BalanceOutcomeView, IpcError, StampsKioskApi } from '../../../shared/ipc'
import type { z } from 'zod'
import type { lastBalanceSchema } from '../../../shared/ipc'
import { parseRupiah } from '../desk/sale-form'

type Direction = 'credit' | 'debit'
type LastBalance = z.infer<typeof lastBalanceSchema>

interface BalanceData {
  amount: string
  amountError: 'required' | 'amount' | null
  confirm: { direction: Direction; amount: number; requestId: string } | null
  busy: boolean
  outcome: BalanceOutcomeView | null
  canceled: { amount: number; direction: Direction; balance: number | null } | null
  last: LastBalance | null
  error: IpcError | null
}

interface BalanceState extends BalanceData {
  setAmount(text: string): void
  ask(direction: Direction): void
  dismiss(): void
  send(api: StampsKioskApi, user: string): Promise<void>
  reconcile(api: StampsKioskApi): Promise<void>
  loadLast(api: StampsKioskApi): Promise<void>
  cancelLast(api: StampsKioskApi): Promise<void>
}

const empty: BalanceData = {
  amount: '',
  amountError: null,
  confirm: null,
  busy: false,
  outcome: null,
  canceled: null,
  last: null,
  error: null
}

const newRequestId = (): string =>
  crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`

export const useBalanceStore = create<BalanceState>()((set, get) => ({
  ...empty,
  setAmount: (amount) => set({ amount, amountError: null }),
  ask(direction) {
    const v = parseRupiah(get().amount)
    if (typeof v !== 'number' || v <= 0) return set({ amountError: v === 'empty' ? 'required' : 'amount' })
    set({ confirm: { direction, amount: v, requestId: newRequestId() }, error: null, outcome: null, canceled: null })
  },
  dismiss: () => set({ confirm: null }),
  async send(api, user) {
    const { confirm, busy } = get()
    if (!confirm || busy) return
    set({ busy: true, error: null })
    const r = await api.invoke(confirm.direction === 'credit' ? 'balance:credit' : 'balance:debit', {
      requestId: confirm.requestId,
      user,
      amount: confirm.amount
    })
    set(
      r.ok
        ? { busy: false, confirm: null, outcome: r.data, amount: '' }
        : { busy: false, confirm: null, error: r.error }
    )
    await get().loadLast(api)
  },
  async reconcile(api) {
    const { outcome, busy } = get()
    if (outcome?.outcome !== 'unknown' || busy) return
    set({ busy: true, error: null })
    const r = await api.invoke('balance:reconcile', { ticketId: outcome.ticketId })
    set(r.ok ? { busy: false, outcome: r.data } : { busy: false, error: r.error })
    await get().loadLast(api)
  },
  async loadLast(api) {
    const r = await api.invoke('balance:last', {})
    if (r.ok) set({ last: r.data.last })
  },
  async cancelLast(api) {
    const { last, busy } = get()
    if (!last?.cancelable || last.balanceUpdateId === null || busy) return
    set({ busy: true, error: null })
    const r = await api.invoke('balance:cancel-last', { balanceUpdateId: last.balanceUpdateId })
    set(
      r.ok
        ? {
            busy: false,
            canceled: { amount: r.data.amount, direction: r.data.direction, balance: r.data.balance },
            outcome: null
          }
        : { busy: false, error: r.error }
    )
    await get().loadLast(api)
  }
}))

export const resetBalanceStore = (): void => useBalanceStore.setState(empty)
