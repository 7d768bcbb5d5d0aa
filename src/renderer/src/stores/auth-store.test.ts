import { afterEach, describe, expect, it } from 'vitest'
import type { AuthState, StampsKioskApi } from '../../../shared/ipc'
import { registerLink, type LinkState } from '../api/link'
import { resetAuthStore, useAuthStore } from './auth-store'

const locked: AuthState = {
  role: null,
  expiresAt: null,
  lockedUntil: null,
  defaultPins: { cashier: true, admin: true }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => resetAuthStore())

describe('auth store', () => {
  it('reads the session again after a reconnect: a restarted host has none, whatever the screen showed', async () => {
    let served: AuthState = { ...locked, role: 'cashier', expiresAt: Date.now() + 60_000 }
    let state: LinkState = 'open'
    const watchers = new Set<(s: LinkState) => void>()
    const api: StampsKioskApi = {
      invoke: (async () => ({ ok: true, data: served })) as unknown as StampsKioskApi['invoke'],
      on: () => () => undefined
    }
    registerLink(api, { state: () => state, subscribe: (w) => (watchers.add(w), () => void watchers.delete(w)) })
    const move = (next: LinkState): void => {
      state = next
      watchers.forEach((w) => w(next))
    }
    const stop = useAuthStore.getState().follow(api)
    await tick()
    expect(useAuthStore.getState().auth?.role).toBe('cashier')
    move('lost')
    served = locked
    move('open')
    await tick()
    expect(useAuthStore.getState().auth?.role).toBeNull()
    stop()
  })
})
