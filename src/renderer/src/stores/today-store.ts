/**
 * Today's sales slice: the store's day from main, a reprint or a cancel started from a row (the
 * cancel shows what Stamps will take back and waits for a confirm), and the shift summary slip.
 */
import { create } from 'zustand'
import type { z } from 'zod'
import type { cancelPreviewSchema, IpcError, StampsKioskApi, TodaySale, TodaySales } from '../../../shared/ipc'

type Notice =
  { kind: 'reprinted'; invoice: string } | { kind: 'cancelled'; invoice: string; taken: number } | { kind: 'summary' }

interface TodayData {
  data: TodaySales | null
  loading: boolean
  busy: boolean
  /** The row whose cancel waits for a confirm, with what Stamps will take back. */
  confirming: { sale: TodaySale; preview: z.infer<typeof cancelPreviewSchema> } | null
  notice: Notice | null
  error: IpcError | null
}

interface TodayState extends TodayData {
  load(api: StampsKioskApi): Promise<void>
  reprint(api: StampsKioskApi, sale: TodaySale): Promise<void>
  askCancel(api: StampsKioskApi, sale: TodaySale): Promise<void>
  confirmCancel(api: StampsKioskApi): Promise<void>
  keep(): void
  printSummary(api: StampsKioskApi): Promise<void>
}

const empty: TodayData = { data: null, loading: false, busy: false, confirming: null, notice: null, error: null }

export const useTodayStore = create<TodayState>()((set, get) => ({
  ...empty,
  async load(api) {
    set({ loading: true })
    const r = await api.invoke('sale:today', {})
    set(r.ok ? { loading: false, data: r.data } : { loading: false, error: r.error })
  },
  async reprint(api, sale) {
    if (get().busy) return
    set({ busy: true, error: null, notice: null })
    const r = await api.invoke('sale:reprint-receipt', { invoiceNumber: sale.invoiceNumber })
    set({
      busy: false,
      ...(r.ok ? { notice: { kind: 'reprinted', invoice: sale.invoiceNumber } } : { error: r.error })
    })
  },
  async askCancel(api, sale) {
    if (get().busy) return
    set({ busy: true, error: null, notice: null, confirming: null })
    const r = await api.invoke('sale:cancel-preview', { invoiceNumber: sale.invoiceNumber, user: sale.user })
    set({ busy: false, ...(r.ok ? { confirming: { sale, preview: r.data } } : { error: r.error }) })
  },
  async confirmCancel(api) {
    const { confirming, busy } = get()
    if (!confirming || busy) return
    set({ busy: true, error: null })
    const { invoiceNumber, date } = confirming.preview
    const r = await api.invoke('sale:cancel', { invoiceNumber, date })
    if (!r.ok) return set({ busy: false, error: r.error })
    set({
      busy: false,
      confirming: null,
      notice: { kind: 'cancelled', invoice: invoiceNumber, taken: r.data.stampsTakenBack }
    })
    await get().load(api)
  },
  keep: () => set({ confirming: null, error: null }),
  async printSummary(api) {
    if (get().busy) return
    set({ busy: true, error: null, notice: null })
    const r = await api.invoke('sale:print-shift-summary', {})
    set({ busy: false, ...(r.ok ? { notice: { kind: 'summary' } } : { error: r.error }) })
  }
}))

export const resetTodayStore = (): void => useTodayStore.setState(empty)
