/**
 * The till's current member: looked up by scan or typed card number, email or mobile. An answer
 * that arrives after the cashier moved on (cleared or looked up someone else) is dropped.
 */
import { create } from 'zustand'
import type { IpcError, MemberView, StampsKioskApi } from '../../../shared/ipc'
import { parseMemberId, type MemberIdFailure } from '../../../shared/member-id'

interface DeskMemberData {
  phase: 'idle' | 'looking' | 'found' | 'not-found' | 'invalid' | 'error' | 'gave-up' | 'unverified'
  member: MemberView | null
  /**
   * The id typed or scanned when Stamps could not be reached and this till has not seen the
   * member: offered for a sale anyway (`sellUnverified`), which is queued and posted with it later.
   */
  offlineId: string | null
  query: string
  /** Why the text is not a member id; the screen shows its reason in the visitor's language. */
  invalidCode: MemberIdFailure['code'] | null
  error: IpcError | null
}

interface DeskMemberState extends DeskMemberData {
  lookup(api: StampsKioskApi, text: string): Promise<void>
  /** Reads the member again (after a sale, a balance update or a cancel). */
  refresh(api: StampsKioskApi): Promise<void>
  /** Records sales for `offlineId` without a member: Stamps checks the id when the sale reaches it. */
  sellUnverified(): void
  clear(): void
}

const empty: DeskMemberData = {
  phase: 'idle',
  member: null,
  offlineId: null,
  query: '',
  invalidCode: null,
  error: null
}
let generation = 0

/** How long the till waits for a lookup before it stops and offers to sell to the typed id anyway. */
export const DESK_LOOKUP_GIVE_UP_MS = 12_000

export const useDeskMemberStore = create<DeskMemberState>()((set, get) => ({
  ...empty,
  async lookup(api, text) {
    const gen = ++generation
    const id = parseMemberId(text)
    if (!id.ok) return set({ ...empty, phase: 'invalid', query: text, invalidCode: id.code })
    set({ ...empty, phase: 'looking', query: text })
    // A slow upstream must not hold the queue at the till: past the bound the screen says so and
    // offers the sale for the typed id (queued, checked by Stamps later); the late answer is dropped.
    const giveUp = setTimeout(() => {
      if (gen !== generation) return
      generation++
      set({ ...empty, phase: 'gave-up', query: text, offlineId: id.value })
    }, DESK_LOOKUP_GIVE_UP_MS)
    const r = await api.invoke('member:lookup', { query: id.value }).finally(() => clearTimeout(giveUp))
    if (gen !== generation) return
    if (r.ok) return set({ phase: 'found', member: r.data })
    set({
      phase: r.error.code === 'not-found' ? 'not-found' : r.error.code === 'invalid-input' ? 'invalid' : 'error',
      error: r.error,
      offlineId: r.error.code === 'unreachable' ? id.value : null
    })
  },
  sellUnverified() {
    const { offlineId } = get()
    if (offlineId) set({ phase: 'unverified', error: null })
  },
  async refresh(api) {
    const { member } = get()
    // A member from the cache is asked again too: Stamps may be back.
    if (!member) return
    const gen = generation
    const r = await api.invoke('member:lookup', { query: member.user })
    if (gen === generation && r.ok) set({ member: r.data })
  },
  clear() {
    generation++
    set(empty)
  }
}))

export const resetDeskMemberStore = (): void => useDeskMemberStore.getState().clear()
