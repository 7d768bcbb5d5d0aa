/**
 * The till's current member: looked up by scan or typed card number, email or mobile. An answer
 * that arrives after the cashier moved on (cleared or looked up someone else) is dropped.
 */
import { create } from 'zustand'
import type { IpcError, MemberView, StampsKioskApi } from '../../../shared/ipc'
import { parseMemberId, type MemberIdFailure } from '../../../shared/member-id'

interface DeskMemberData {
  phase: 'idle' | 'looking' | 'found' | 'not-found' | 'invalid' | 'error'
  member: MemberView | null
  query: string
  /** Why the text is not a member id; the screen shows its reason in the visitor's language. */
  invalidCode: MemberIdFailure['code'] | null
  error: IpcError | null
}

interface DeskMemberState extends DeskMemberData {
  lookup(api: StampsKioskApi, text: string): Promise<void>
  /** Reads the member again (after a sale, a balance update or a cancel). */
  refresh(api: StampsKioskApi): Promise<void>
  clear(): void
}

const empty: DeskMemberData = { phase: 'idle', member: null, query: '', invalidCode: null, error: null }
let generation = 0

export const useDeskMemberStore = create<DeskMemberState>()((set, get) => ({
  ...empty,
  async lookup(api, text) {
    const gen = ++generation
    const id = parseMemberId(text)
    if (!id.ok) return set({ ...empty, phase: 'invalid', query: text, invalidCode: id.code })
    set({ ...empty, phase: 'looking', query: text })
    const r = await api.invoke('member:lookup', { query: id.value })
    if (gen !== generation) return
    if (r.ok) return set({ phase: 'found', member: r.data })
    set({
      phase: r.error.code === 'not-found' ? 'not-found' : r.error.code === 'invalid-input' ? 'invalid' : 'error',
      error: r.error
    })
  },
  async refresh(api) {
    const { member } = get()
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
