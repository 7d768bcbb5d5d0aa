/**
 * The PIN session as main reports it. The renderer never decides who is unlocked: it asks,
 * shows main's answer and follows `auth:changed` (idle lock, lockouts, another screen's lock).
 */
import { create } from 'zustand'
import type { AuthState, IpcError, Role, StampsKioskApi } from '../../../shared/ipc'
import { onReconnect } from '../api/link'

interface AuthSlice {
  auth: AuthState | null
  unlocking: boolean
  error: IpcError | null
  /** Reads the session, follows `auth:changed` and reads it again after a reconnect; returns the unsubscribe. */
  follow(api: StampsKioskApi): () => void
  unlock(api: StampsKioskApi, role: Role, pin: string): Promise<boolean>
  lock(api: StampsKioskApi): Promise<void>
  /** A guarded call was refused `forbidden`: main's session ended, so ask again. */
  expired(api: StampsKioskApi): Promise<void>
}

export const useAuthStore = create<AuthSlice>()((set) => ({
  auth: null,
  unlocking: false,
  error: null,
  follow(api) {
    const load = (): void => void api.invoke('auth:state', {}).then((r) => r.ok && set({ auth: r.data }))
    load()
    // A restarted host has no session: what the screen shows must come from it again.
    const offReconnect = onReconnect(api, load)
    const off = api.on('auth:changed', (auth) => set({ auth }))
    return () => {
      offReconnect()
      off()
    }
  },
  async unlock(api, role, pin) {
    set({ unlocking: true, error: null })
    const r = await api.invoke('auth:unlock', { role, pin })
    set(r.ok ? { unlocking: false, auth: r.data } : { unlocking: false, error: r.error })
    return r.ok
  },
  async lock(api) {
    await api.invoke('auth:lock', {})
    const r = await api.invoke('auth:state', {})
    if (r.ok) set({ auth: r.data, error: null })
  },
  async expired(api) {
    const r = await api.invoke('auth:state', {})
    if (r.ok) set({ auth: r.data })
  }
}))

/** True when the session covers `role` (admin includes cashier). */
export const hasRole = (auth: AuthState | null, role: Role): boolean =>
  auth?.role === 'admin' || (role === 'cashier' && auth?.role === 'cashier')

export const resetAuthStore = (): void => useAuthStore.setState({ auth: null, unlocking: false, error: null })
