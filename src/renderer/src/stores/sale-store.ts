/**
 * New-sale slice. Submit exactly once: `submitting` gates every path (button, Enter, scan) and
 * the invoice number is fixed when the form opens, so even a repeat that slips through reaches
 * main with the same invoice and is answered `already-posted` instead of posting twice.
 */
import { create } from 'zustand'
import type { IpcError, SaleResult, StampsKioskApi } from '../../../shared/ipc'
import {
  checkDraft,
  emptyDraft,
  expectedTotal,
  itemsTotal,
  newInvoiceNumber,
  type FieldErrors,
  type SaleDraft
} from '../desk/sale-form'

interface SaleData {
  draft: SaleDraft
  /** Sums follow the figures until a person types over them. */
  autoSubtotal: boolean
  autoTotal: boolean
  errors: FieldErrors
  serverErrors: Record<string, string>
  error: IpcError | null
  preview: number | null
  submitting: boolean
  result: SaleResult | null
  receipt: string[] | null
  printState: 'idle' | 'printing' | 'printed' | 'failed'
}

interface SaleState extends SaleData {
  open(): void
  setField(field: Exclude<keyof SaleDraft, 'items'>, value: string): void
  addItem(): void
  setItem(key: number, field: 'name' | 'quantity' | 'price', value: string): void
  removeItem(key: number): void
  loadPreview(api: StampsKioskApi, user: string): Promise<void>
  submit(api: StampsKioskApi, user: string): Promise<void>
  reprint(api: StampsKioskApi): Promise<void>
}

let nextKey = 1
const fresh = (): SaleData => ({
  draft: emptyDraft(newInvoiceNumber()),
  autoSubtotal: true,
  autoTotal: true,
  errors: {},
  serverErrors: {},
  error: null,
  preview: null,
  submitting: false,
  result: null,
  receipt: null,
  printState: 'idle'
})

/** Recomputes the sums a person has not typed over. */
function settle(s: Pick<SaleData, 'draft' | 'autoSubtotal' | 'autoTotal'>): SaleDraft {
  let d = s.draft
  if (s.autoSubtotal && d.items.length > 0) {
    const sum = itemsTotal(d.items)
    if (sum !== null) d = { ...d, subtotal: String(sum) }
  }
  if (s.autoTotal) {
    const total = expectedTotal(d)
    if (total !== null && total >= 0) d = { ...d, total: String(total) }
  }
  return d
}

export const useSaleStore = create<SaleState>()((set, get) => ({
  ...fresh(),
  open: () => set(fresh()),
  setField(field, value) {
    const s = get()
    const auto = {
      autoSubtotal: field === 'subtotal' ? false : s.autoSubtotal,
      autoTotal: field === 'total' ? false : s.autoTotal
    }
    set({
      ...auto,
      draft: settle({ ...auto, draft: { ...s.draft, [field]: value } }),
      errors: {},
      serverErrors: {},
      error: null
    })
  },
  addItem() {
    const s = get()
    const draft = { ...s.draft, items: [...s.draft.items, { key: nextKey++, name: '', quantity: '1', price: '' }] }
    set({ draft, autoSubtotal: true })
  },
  setItem(key, field, value) {
    const s = get()
    const items = s.draft.items.map((i) => (i.key === key ? { ...i, [field]: value } : i))
    set({ draft: settle({ ...s, draft: { ...s.draft, items } }), errors: {}, serverErrors: {}, error: null })
  },
  removeItem(key) {
    const s = get()
    set({ draft: settle({ ...s, draft: { ...s.draft, items: s.draft.items.filter((i) => i.key !== key) } }) })
  },
  async loadPreview(api, user) {
    const check = checkDraft(get().draft, user)
    if (!check.ok) return set({ preview: null })
    const total = check.input.totalValue
    const r = await api.invoke('sale:preview', { user, totalValue: total })
    // Drop a late answer for a total that has changed since.
    const now = checkDraft(get().draft, user)
    if (now.ok && now.input.totalValue === total) set({ preview: r.ok ? r.data.stamps : null })
  },
  async submit(api, user) {
    if (get().submitting || get().result) return
    const check = checkDraft(get().draft, user)
    if (!check.ok) return set({ errors: check.errors, error: null })
    set({ submitting: true, errors: {}, serverErrors: {}, error: null })
    const r = await api.invoke('sale:submit', check.input)
    if (!r.ok) return set({ submitting: false, error: r.error, serverErrors: Object.fromEntries(r.error.fields ?? []) })
    set({ submitting: false, result: r.data })
    const jobId = r.data.receiptJobId ?? r.data.previousReceiptJobId ?? null
    if (jobId !== null) {
      const p = await api.invoke('printer:preview', { jobId })
      if (p.ok && get().result === r.data) set({ receipt: p.data.lines })
    }
  },
  async reprint(api) {
    const { result, printState } = get()
    if (!result || printState === 'printing') return
    set({ printState: 'printing' })
    const r = await api.invoke('sale:reprint-receipt', { invoiceNumber: result.invoiceNumber })
    if (!r.ok) return set({ printState: 'failed' })
    const p = await api.invoke('printer:preview', { jobId: r.data.id })
    set({ printState: 'printed', ...(p.ok && { receipt: p.data.lines }) })
  }
}))

export const resetSaleStore = (): void => useSaleStore.setState(fresh())
