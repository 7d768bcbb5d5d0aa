import { afterEach, describe, expect, it } from 'vitest'
import { translate } from '../../../shared/i18n'
import type { IpcResult, MemberView, StampsKioskApi } from '../../../shared/ipc'
import { memberIdReason } from '../../../shared/member-id'
import { resetSessionStore, useSessionStore } from './session-store'

const member: MemberView = {
  user: 'a@b.id',
  name: 'Demo C*******',
  cardLast4: '0123',
  level: 1,
  levelText: 'Blue',
  stamps: 24,
  balance: 0,
  isBlocked: false
}
const activity = (id: number) => ({ id, type: 0 })

/** An API whose answers the test releases by hand, to interleave responses with resets. */
function fakeApi(answers: Record<string, (payload: unknown) => IpcResult<unknown>>) {
  const calls: Array<{ channel: string; payload: unknown; release: () => void }> = []
  const invoke = (channel: string, payload: unknown): Promise<IpcResult<unknown>> =>
    new Promise((resolve) => calls.push({ channel, payload, release: () => resolve(answers[channel]!(payload)) }))
  const api: StampsKioskApi = {
    invoke: invoke as unknown as StampsKioskApi['invoke'],
    on: () => () => undefined
  }
  return { api, calls }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

afterEach(() => resetSessionStore())

describe('session store', () => {
  it('looks up, loads the first page, then older pages without duplicates', async () => {
    const { api, calls } = fakeApi({
      'member:lookup': () => ({ ok: true, data: member }),
      'member:activities': (p) => {
        const older = (p as { olderThan?: number }).olderThan
        return older
          ? { ok: true, data: { activities: [activity(20), activity(19)], hasMore: false } }
          : { ok: true, data: { activities: [activity(22), activity(21), activity(20)], hasMore: true } }
      }
    })
    const done = useSessionStore.getState().lookup(api, '1234567890123')
    expect(useSessionStore.getState().phase).toBe('looking')
    expect(calls[0]).toMatchObject({ channel: 'member:lookup', payload: { query: '1234567890123' } })
    calls[0]!.release()
    await tick()
    expect(useSessionStore.getState()).toMatchObject({ phase: 'member', member, activitiesState: 'loading' })
    calls[1]!.release()
    await done
    const older = useSessionStore.getState().loadOlder(api)
    expect(calls[2]!.payload).toEqual({ user: 'a@b.id', olderThan: 20 })
    calls[2]!.release()
    await older
    expect(useSessionStore.getState().activities.map((a) => a.id)).toEqual([22, 21, 20, 19])
    expect(useSessionStore.getState().hasMore).toBe(false)
  })

  it('drops an answer that arrives after a reset: an idle kiosk never shows the last visitor', async () => {
    const { api, calls } = fakeApi({ 'member:lookup': () => ({ ok: true, data: member }) })
    const done = useSessionStore.getState().lookup(api, '1234567890123')
    useSessionStore.getState().reset()
    calls[0]!.release()
    await done
    expect(useSessionStore.getState()).toMatchObject({ phase: 'attract', member: null, activities: [] })
    expect(calls).toHaveLength(1)
  })

  it('tells an unknown card from an unreadable code without asking main about the latter', async () => {
    const { api, calls } = fakeApi({
      'member:lookup': () => ({ ok: false, error: { code: 'not-found', message: 'no' } })
    })
    await useSessionStore.getState().lookup(api, 'not a member id!')
    expect(useSessionStore.getState().phase).toBe('invalid')
    const code = useSessionStore.getState().invalidCode
    expect(code).toBe('unknown')
    expect(code && translate('en', memberIdReason(code))).toBeTruthy()
    expect(calls).toHaveLength(0)
    const done = useSessionStore.getState().lookup(api, '9876543210987')
    calls[0]!.release()
    await done
    expect(useSessionStore.getState()).toMatchObject({ phase: 'not-found', member: null })
  })
})
