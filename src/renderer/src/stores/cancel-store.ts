/** Sale cancel slice: find the sale, show the stamps Stamps will take back, then cancel once. */
import { create } from 'zustand'
import type { z } from 'zod'
import type { IpcError, StampsKioskApi } from '../../../shared/ipc'
import type { cancelPreviewSchema, cancelResultSchema } from '../../../shared/ipc'

interface CancelData {
  query: string
  queryError: 'required' | 'invoice' | null
  busy: boolean
  preview: z.infer<typeof cancelPreviewSchema> | null
  result: z.infer<typeof cancelResultSchema> | null
  error: IpcError | null
}

interface CancelState extends CancelData {
  setQuery(text: string): void
  find(api: StampsKioskApi, user: string): Promise<void>
  confirm(api: StampsKioskApi): Promise<void>
  back(): void
}

const empty: CancelData = { query: '', queryError: null, busy: false, preview: null, result: null, error: null }

export const useCancelStore = create<CancelState>()((set, get) => ({
  ...empty,
  setQuery: (query) => set({ query, queryError: null }),
  async find(api, user) {
    const q = get().query.trim()
    if (q === '') return set({ queryError: 'required' })
    if (q.length > 100) return set({ queryError: 'invoice' })
    set({ busy: true, error: null, preview: null, result: null })
    const r = await api.invoke('sale:cancel-preview', { invoiceNumber: q, user })
    set(r.ok ? { busy: false, preview: r.data } : { busy: false, error: r.error })
  },
  async confirm(api) {
    const { preview, busy } = get()
    if (!preview || busy) return
    set({ busy: true, error: null })
    // Stamps names the sale by its invoice number and day, as the preview found them
    const r = await api.invoke('sale:cancel', { invoiceNumber: preview.invoiceNumber, date: preview.date })
    set(r.ok ? { busy: false, result: r.data, preview: null } : { busy: false, error: r.error })
  },
  back: () => set({ preview: null, error: null, result: null })
}))

export const resetCancelStore = (): void => useCancelStore.setState(empty)
