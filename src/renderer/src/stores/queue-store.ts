/**
 * Queue view slice: sales waiting for Stamps and sales it refused. Rows are only ever changed
 * by main (resend, discard, the outbox itself); this slice lists them and follows `outbox:changed`.
 */
import { create } from 'zustand'
import type { z } from 'zod'
import type { IpcError, OutboxItem, StampsKioskApi } from '../../../shared/ipc'
import type { saleFixSchema } from '../../../shared/ipc'
import { onReconnect } from '../api/link'

type SaleFix = z.input<typeof saleFixSchema>

interface QueueData {
  items: OutboxItem[]
  loaded: boolean
  editing: number | null
  confirmDiscard: number | null
  busy: boolean
  error: IpcError | null
}

interface QueueState extends QueueData {
  load(api: StampsKioskApi): Promise<void>
  follow(api: StampsKioskApi): () => void
  edit(id: number | null): void
  askDiscard(id: number | null): void
  resend(api: StampsKioskApi, id: number, fix: SaleFix): Promise<boolean>
  discard(api: StampsKioskApi, id: number): Promise<void>
  retryNow(api: StampsKioskApi): Promise<void>
}

const empty: QueueData = { items: [], loaded: false, editing: null, confirmDiscard: null, busy: false, error: null }

/** What the queue view lists: everything not yet posted, and nothing silently dropped. */
export const openItems = (items: OutboxItem[]): OutboxItem[] =>
  items.filter((i) => i.state === 'queued' || i.state === 'sending' || i.state === 'failed')

export const useQueueStore = create<QueueState>()((set, get) => ({
  ...empty,
  async load(api) {
    const r = await api.invoke('outbox:list', {})
    if (r.ok) set({ items: r.data.items, loaded: true })
  },
  follow(api) {
    const load = (): void => void get().load(api)
    load()
    // One event per row change: reload the list (it is small) rather than patch rows by hand;
    // after a reconnect too, since the events of the time it was down are gone.
    const offReconnect = onReconnect(api, load)
    const off = api.on('outbox:changed', load)
    return () => {
      offReconnect()
      off()
    }
  },
  edit: (editing) => set({ editing, error: null, confirmDiscard: null }),
  askDiscard: (confirmDiscard) => set({ confirmDiscard, error: null }),
  async resend(api, id, fix) {
    if (get().busy) return false
    set({ busy: true, error: null })
    const r = await api.invoke('outbox:resend', { id, fix })
    set(r.ok ? { busy: false, editing: null } : { busy: false, error: r.error })
    await get().load(api)
    return r.ok
  },
  async discard(api, id) {
    if (get().busy) return
    set({ busy: true, error: null })
    const r = await api.invoke('outbox:discard', { id })
    set(r.ok ? { busy: false, confirmDiscard: null } : { busy: false, error: r.error })
    await get().load(api)
  },
  async retryNow(api) {
    await api.invoke('outbox:retry-now', {})
    await get().load(api)
  }
}))

export const resetQueueStore = (): void => useQueueStore.setState(empty)
