/**
 * Kiosk mode at the router: every channel of the contract that is not flagged `kiosk` is refused
 * to a kiosk connection before its payload is read or its handler runs. The lists come from the
 * contract itself, so a channel added tomorrow is covered without touching this file.
 */
import { describe, expect, it } from 'vitest'
import { ipcChannels, ipcEvents, type IpcChannel, type IpcEvent } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import { mayReceive, type IpcCaller } from './ipc-caller'
import { createIpcRouter, type IpcHandlers } from './ipc-router'

const KIOSK: IpcCaller = { kiosk: true }
const DESK: IpcCaller = { kiosk: false }
const channels = Object.keys(ipcChannels) as IpcChannel[]
const deskOnly = channels.filter((c) => !ipcChannels[c].kiosk)
const kioskOpen = channels.filter((c) => ipcChannels[c].kiosk)

/** A router where every channel has a handler that records its call and answers `not-found`. */
function spyRouter(): { router: ReturnType<typeof createIpcRouter>; calls: string[]; sessions: string[] } {
  const calls: string[] = []
  const sessions: string[] = []
  const router = createIpcRouter({ requireSession: (role) => void sessions.push(role) })
  const handlers = Object.fromEntries(
    channels.map((c) => [
      c,
      () => {
        calls.push(c)
        throw new DomainError('not-found', 'reached the handler')
      }
    ])
  ) as unknown as IpcHandlers
  router.register(handlers)
  return { router, calls, sessions }
}

/** A payload that records any look at it: parsing it would read its keys. */
function watchedPayload(): { payload: object; touched: () => boolean } {
  let touched = false
  const mark = (): undefined => void (touched = true)
  const payload = new Proxy(
    {},
    {
      get: mark,
      has: () => ((touched = true), false),
      ownKeys: () => ((touched = true), []),
      getOwnPropertyDescriptor: mark,
      getPrototypeOf: () => ((touched = true), Object.prototype)
    }
  )
  return { payload, touched: () => touched }
}

describe('a kiosk connection', () => {
  it('has desk channels to refuse, and the member screens still have theirs', () => {
    expect(deskOnly.length).toBeGreaterThan(20)
    expect(kioskOpen.length).toBeGreaterThan(0)
  })

  it.each(deskOnly)(
    'is refused %s with forbidden, before its payload is read or a handler or session runs',
    async (c) => {
      const { router, calls, sessions } = spyRouter()
      const watched = watchedPayload()
      expect(await router.dispatch(c, watched.payload, KIOSK)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining(c), fields: [['mode', 'kiosk']] }
      })
      expect(watched.touched()).toBe(false)
      expect(calls).toEqual([])
      expect(sessions).toEqual([])
    }
  )

  it.each(deskOnly)('is not what refuses %s to the desk', async (c) => {
    const { router } = spyRouter()
    const r = await router.dispatch(c, {}, DESK)
    expect(r.ok ? null : r.error.fields).not.toEqual([['mode', 'kiosk']])
  })

  it.each(kioskOpen)('still reaches the handler of %s', async (c) => {
    const { router, calls } = spyRouter()
    const payloads: Partial<Record<IpcChannel, unknown>> = {
      'status:get': {},
      'member:lookup': { query: '1234567890123' },
      'member:activities': { user: 'customer@stamps.co.id' },
      'member:print-slip': { user: 'customer@stamps.co.id' },
      'rewards:list': { user: 'customer@stamps.co.id' },
      'rewards:redeem': { requestId: 'kiosk-request-1', user: 'customer@stamps.co.id', rewardId: 1 },
      'rewards:vouchers': { user: 'customer@stamps.co.id' },
      'rewards:join': { phone: '081234567890' }
    }
    expect(payloads, `add a valid ${c} request to this table`).toHaveProperty([c])
    expect(await router.dispatch(c, payloads[c], KIOSK)).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(calls).toEqual([c])
  })

  it('receives only the events flagged kiosk; the desk receives every event', () => {
    for (const e of Object.keys(ipcEvents) as IpcEvent[]) {
      expect(mayReceive(KIOSK, e), e).toBe(ipcEvents[e].kiosk)
      expect(mayReceive(DESK, e), e).toBe(true)
    }
    expect(mayReceive(KIOSK, 'outbox:changed')).toBe(false)
    expect(mayReceive(KIOSK, 'scan:received')).toBe(true)
  })
})
