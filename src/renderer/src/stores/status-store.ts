/** Status slice: upstream, queue, printer and scanner as main last reported them. */
import { create } from 'zustand'
import type { Status, StampsKioskApi } from '../../../shared/ipc'

interface StatusState {
  status: Status | null
  /** False until the first status arrives, and while the service cannot be reached. */
  connected: boolean
  /** Loads the status once and follows `status:changed`; returns the unsubscribe. */
  follow(api: StampsKioskApi): () => void
  set(status: Status): void
}

const POLL_MS = 15_000

export const useStatusStore = create<StatusState>()((set) => ({
  status: null,
  connected: false,
  set: (status) => set({ status, connected: true }),
  follow(api) {
    const load = async (): Promise<void> => {
      const r = await api.invoke('status:get', {})
      if (r.ok) set({ status: r.data, connected: true })
      else if (r.error.code === 'unreachable') set({ connected: false })
    }
    void load()
    // Events carry changes; a slow poll repairs a missed event or a reconnect.
    const timer = setInterval(() => void load(), POLL_MS)
    const off = api.on('status:changed', (status) => set({ status, connected: true }))
    return () => {
      clearInterval(timer)
      off()
    }
  }
}))

export const resetStatusStore = (): void => useStatusStore.setState({ status: null, connected: false })
