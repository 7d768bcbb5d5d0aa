/**
 * Member session slice: the one place member data lives in the renderer. `reset()` drops every
 * field (memory and screen), and a response that arrives after a reset is discarded, so an idle
 * kiosk never shows the previous visitor.
 */
import { create } from 'zustand'
import type { Activity } from '../../../shared/stamps/activities'
import type { IpcError, MemberView, StampsKioskApi } from '../../../shared/ipc'
import { parseMemberId, type MemberIdFailure } from '../../../shared/member-id'

export type Phase = 'attract' | 'joining' | 'looking' | 'member' | 'not-found' | 'invalid' | 'error' | 'gave-up'

/** How long a visitor waits for a lookup before the kiosk gives up and says what to do. */
export const LOOKUP_GIVE_UP_MS = 12_000

interface SessionData {
  phase: Phase
  member: MemberView | null
  activities: Activity[]
  hasMore: boolean
  activitiesState: 'idle' | 'loading' | 'failed'
  printState: 'idle' | 'printing' | 'done' | 'failed'
  /** Why the text is not a member id; the screen shows its reason in the visitor's language. */
  invalidCode: MemberIdFailure['code'] | null
  errorCode: IpcError['code'] | null
  /** performance.now() of the scan that led here (for the scan-to-member budget). */
  scanAt: number | null
  /** The member joined just now at this kiosk (greeted as new). */
  joined: boolean
}

interface SessionState extends SessionData {
  lookup(api: StampsKioskApi, text: string): Promise<void>
  loadOlder(api: StampsKioskApi): Promise<void>
  printSlip(api: StampsKioskApi): Promise<void>
  /** Opens the join-by-phone keypad. */
  startJoin(): void
  /** Shows the member who just joined, as a scan would. */
  joinedAs(member: MemberView): void
  /** Stamps' count after a redemption. */
  setStamps(stamps: number): void
  reset(): void
}

const empty: SessionData = {
  phase: 'attract',
  member: null,
  activities: [],
  hasMore: false,
  activitiesState: 'idle',
  printState: 'idle',
  invalidCode: null,
  errorCode: null,
  scanAt: null,
  joined: false
}

// Bumped by every lookup and reset: answers for an older generation are dropped.
let generation = 0

export const useSessionStore = create<SessionState>()((set, get) => ({
  ...empty,

  async lookup(api, text) {
    const gen = ++generation
    const scanAt = performance.now()
    const id = parseMemberId(text)
    if (!id.ok) return set({ ...empty, phase: 'invalid', invalidCode: id.code, scanAt })
    set({ ...empty, phase: 'looking', scanAt })
    // A slow upstream must not hold the visitor: past the bound the kiosk stops waiting, says so,
    // and drops the late answer (a newer generation).
    const giveUp = setTimeout(() => {
      if (gen !== generation) return
      generation++
      set({ ...empty, phase: 'gave-up', scanAt })
    }, LOOKUP_GIVE_UP_MS)
    const r = await api.invoke('member:lookup', { query: id.value }).finally(() => clearTimeout(giveUp))
    if (gen !== generation) return
    if (!r.ok) {
      const phase = r.error.code === 'not-found' ? 'not-found' : r.error.code === 'invalid-input' ? 'invalid' : 'error'
      return set({ ...empty, phase, errorCode: r.error.code, scanAt })
    }
    set({ phase: 'member', member: r.data, activitiesState: 'loading' })
    const page = await api.invoke('member:activities', { user: r.data.user })
    if (gen !== generation) return
    set(
      page.ok
        ? { activities: page.data.activities, hasMore: page.data.hasMore, activitiesState: 'idle' }
        : { activitiesState: 'failed' }
    )
  },

  async loadOlder(api) {
    const { member, activities, activitiesState } = get()
    if (!member || activitiesState === 'loading') return
    const gen = generation
    const last = activities.at(-1)
    set({ activitiesState: 'loading' })
    const page = await api.invoke('member:activities', { user: member.user, ...(last && { olderThan: last.id }) })
    if (gen !== generation) return
    if (!page.ok) return set({ activitiesState: 'failed' })
    // Drop any row we already hold: a page boundary may shift when new activity lands meanwhile.
    const seen = new Set(activities.map((a) => a.id))
    set({
      activities: [...activities, ...page.data.activities.filter((a) => !seen.has(a.id))],
      hasMore: page.data.hasMore,
      activitiesState: 'idle'
    })
  },

  async printSlip(api) {
    const { member, printState } = get()
    if (!member || printState === 'printing') return
    const gen = generation
    set({ printState: 'printing' })
    const r = await api.invoke('member:print-slip', { user: member.user })
    if (gen !== generation) return
    set({ printState: r.ok ? 'done' : 'failed' })
  },

  startJoin() {
    generation++
    set({ ...empty, phase: 'joining' })
  },

  joinedAs(member) {
    generation++
    set({ ...empty, phase: 'member', member, joined: true, scanAt: performance.now() })
  },

  setStamps(stamps) {
    const { member } = get()
    if (member) set({ member: { ...member, stamps } })
  },

  reset() {
    generation++
    set({ ...empty })
  }
}))

/** Test hook: a fresh session. */
export const resetSessionStore = (): void => useSessionStore.getState().reset()
