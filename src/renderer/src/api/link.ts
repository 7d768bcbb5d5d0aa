/**
 * The renderer's link to main as the screens see it. Over Electron IPC it is always open; the
 * browser host's WebSocket can drop (the host restarts, the machine sleeps), so its client
 * publishes its state here and the status bar and the stores that follow events read it.
 */
import type { StampsKioskApi } from '../../../shared/ipc'

/** connecting: never open yet; open: authenticated; lost: retrying; refused: the host no longer knows our token. */
export type LinkState = 'connecting' | 'open' | 'lost' | 'refused'

export interface Link {
  state(): LinkState
  /** Calls `listener` on every change of state; returns the unsubscribe. */
  subscribe(listener: (state: LinkState) => void): () => void
}

const links = new WeakMap<StampsKioskApi, Link>()
const alwaysOpen: Link = { state: () => 'open', subscribe: () => () => undefined }

/** Records the link of a transport (the WebSocket client registers itself). */
export function registerLink(api: StampsKioskApi, link: Link): void {
  links.set(api, link)
}

/** The link of `api`; an API that registered none (Electron's preload) is always open. */
export const linkOf = (api: StampsKioskApi): Link => links.get(api) ?? alwaysOpen

/**
 * Calls `listener` each time the link opens again after a loss, never on the first open: events
 * pushed while it was down are gone, so whoever follows them re-reads their state here.
 */
export function onReconnect(api: StampsKioskApi, listener: () => void): () => void {
  const link = linkOf(api)
  let wasLost = link.state() === 'lost'
  return link.subscribe((state) => {
    if (state === 'lost') wasLost = true
    else if (state === 'open' && wasLost) {
      wasLost = false
      listener()
    }
  })
}
