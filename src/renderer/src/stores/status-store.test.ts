import { afterEach, describe, expect, it } from 'vitest'
import type { IpcResult, StampsKioskApi, Status } from '../../../shared/ipc'
import { registerLink, type LinkState } from '../api/link'
import { resetStatusStore, useStatusStore } from './status-store'

const status = (language: 'id' | 'en'): Status => ({
  upstream: { reachable: true, embedded: true, checkedAt: null },
  queue: { pending: 0, failed: 0 },
  printer: { state: 'ok', held: 0 },
  scanner: { state: 'none' },
  mode: 'kiosk',
  language,
  idleTimeoutSeconds: 60
})

/** An API on a link the test moves by hand; `status:get` answers whatever `answer` holds then. */
function linkedApi() {
  let state: LinkState = 'connecting'
  const watchers = new Set<(s: LinkState) => void>()
  const served: { answer: IpcResult<Status> } = { answer: { ok: true, data: status('id') } }
  let reads = 0
  const api: StampsKioskApi = {
    invoke: (async () => (reads++, served.answer)) as unknown as StampsKioskApi['invoke'],
    on: () => () => undefined
  }
  registerLink(api, { state: () => state, subscribe: (w) => (watchers.add(w), () => void watchers.delete(w)) })
  const move = (next: LinkState): void => {
    state = next
    watchers.forEach((w) => w(next))
  }
  return { api, served, move, reads: () => reads }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => resetStatusStore())

describe('status store', () => {
  it('never says connected while the link is down, and reads the status again when it is back', async () => {
    const { api, served, move, reads } = linkedApi()
    const stop = useStatusStore.getState().follow(api)
    move('open')
    await tick()
    expect(useStatusStore.getState().connection).toBe('connected')

    move('lost')
    expect(useStatusStore.getState().connection).toBe('reconnecting')
    // A status pushed by the old host is still on screen, but not claimed as current.
    expect(useStatusStore.getState().status?.language).toBe('id')

    served.answer = { ok: true, data: status('en') }
    const before = reads()
    move('open')
    await tick()
    expect(reads()).toBe(before + 1)
    expect(useStatusStore.getState()).toMatchObject({ connection: 'connected', status: { language: 'en' } })
    stop()
  })

  it('says connecting before any status, and refused (not reconnecting) when the token is refused', async () => {
    const { api, served, move } = linkedApi()
    served.answer = { ok: false, error: { code: 'unreachable', message: 'down' } }
    const stop = useStatusStore.getState().follow(api)
    await tick()
    expect(useStatusStore.getState().connection).toBe('connecting')
    move('refused')
    expect(useStatusStore.getState().connection).toBe('refused')
    stop()
  })
})
