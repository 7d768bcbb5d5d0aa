/** Status slice: upstream, queue, printer and scanner as main last reported them, and whether that is current. */
import { create } from 'zustand'
import type { Status, StampsKioskApi } from '../../../shared/ipc'
import { linkOf, type LinkState } from '../api/link'

/**
 * What the status bar may claim about main: `connected` only while the link is open and the
 * status came over it; `reconnecting` from a loss until the status is read again; `refused` when
 * the host no longer knows this page's token.
 */
export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'refused'

interface StatusState {
  status: Status | null
  connection: Connection
  /** Loads the status, follows `status:changed` and the link (re-reading it after a reconnect); returns the unsubscribe. */
  follow(api: StampsKioskApi): () => void
  set(status: Status): void
}

const POLL_MS = 15_000

export const useStatusStore = create<StatusState>()((set, get) => {
  /** Not connected: "connecting" until a first status ever arrived, "reconnecting" after. */
  const away = (): Connection => (get().status ? 'reconnecting' : 'connecting')
  return {
    status: null,
    connection: 'connecting',
    set: (status) => set({ status, connection: 'connected' }),
    follow(api) {
      const link = linkOf(api)
      const load = async (): Promise<void> => {
        const r = await api.invoke('status:get', {})
        if (r.ok) set({ status: r.data, connection: link.state() === 'open' ? 'connected' : away() })
        else if (r.error.code === 'unreachable' && get().connection !== 'refused') set({ connection: away() })
      }
      const onLink = (state: LinkState): void => {
        if (state === 'lost') set({ connection: away() })
        else if (state === 'refused') set({ connection: 'refused' })
        // Opened (again): events pushed while it was down are gone, so read the status afresh.
        else if (state === 'open') void load()
      }
      void load()
      const offLink = link.subscribe(onLink)
      // Events carry changes; a slow poll repairs anything else missed.
      const timer = setInterval(() => void load(), POLL_MS)
      const off = api.on('status:changed', (status) => set({ status, connection: 'connected' }))
      return () => {
        clearInterval(timer)
        offLink()
        off()
      }
    }
  }
})

export const resetStatusStore = (): void => useStatusStore.setState({ status: null, connection: 'connecting' })
