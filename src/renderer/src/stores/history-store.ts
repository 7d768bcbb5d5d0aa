/**
 * The member's history at the till, 20 at a time: this merchant's activities, or the merchant
 * group's (by-merchant-group), optionally narrowed to some merchant ids.
 */
import { create } from 'zustand'
import type { StampsKioskApi } from '../../../shared/ipc'
import type { Activity } from '../../../shared/stamps/activities'

export type Scope = 'merchant' | 'group'

interface HistoryData {
  scope: Scope
  merchantIds: string
  idsError: boolean
  user: string | null
  activities: Activity[]
  hasMore: boolean
  state: 'idle' | 'loading' | 'failed'
}

interface HistoryState extends HistoryData {
  setScope(scope: Scope): void
  setMerchantIds(text: string): void
  load(api: StampsKioskApi, user: string): Promise<void>
  loadOlder(api: StampsKioskApi): Promise<void>
}

const empty: HistoryData = {
  scope: 'merchant',
  merchantIds: '',
  idsError: false,
  user: null,
  activities: [],
  hasMore: false,
  state: 'idle'
}
let generation = 0

/** Comma- or space-separated merchant ids; null when any is not a positive whole number. */
export function parseMerchantIds(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean)
  if (parts.length > 50 || parts.some((p) => !/^\d{1,9}$/.test(p) || Number(p) === 0)) return null
  return parts.map(Number)
}

export const useHistoryStore = create<HistoryState>()((set, get) => {
  const page = async (api: StampsKioskApi, user: string, olderThan?: number) => {
    const { scope, merchantIds } = get()
    const older = olderThan !== undefined ? { olderThan } : {}
    // load() refuses ids that do not parse before any page is asked for.
    return scope === 'group'
      ? api.invoke('member:group-activities', { user, ...older, merchantIds: parseMerchantIds(merchantIds) ?? [] })
      : api.invoke('member:activities', { user, ...older })
  }
  return {
    ...empty,
    setScope: (scope) => set({ scope }),
    setMerchantIds: (merchantIds) => set({ merchantIds, idsError: false }),
    async load(api, user) {
      if (get().scope === 'group' && parseMerchantIds(get().merchantIds) === null) return set({ idsError: true })
      const gen = ++generation
      set({ user, activities: [], hasMore: false, state: 'loading', idsError: false })
      const r = await page(api, user)
      if (gen !== generation) return
      set(r.ok ? { activities: r.data.activities, hasMore: r.data.hasMore, state: 'idle' } : { state: 'failed' })
    },
    async loadOlder(api) {
      const { user, activities, state } = get()
      if (!user || state === 'loading') return
      const gen = generation
      set({ state: 'loading' })
      const r = await page(api, user, activities.at(-1)?.id)
      if (gen !== generation) return
      if (!r.ok) return set({ state: 'failed' })
      const seen = new Set(activities.map((a) => a.id))
      set({
        activities: [...activities, ...r.data.activities.filter((a) => !seen.has(a.id))],
        hasMore: r.data.hasMore,
        state: 'idle'
      })
    }
  }
})

export const resetHistoryStore = (): void => {
  generation++
  useHistoryStore.setState(empty)
}
