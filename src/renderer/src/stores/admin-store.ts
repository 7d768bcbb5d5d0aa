/**
 * Admin settings slice: a draft of the public settings, checked here for quick feedback and
 * again in main (the one source of truth, which names the bad field). Secrets are write-only:
 * an empty key field keeps the saved key, and main never sends a key back.
 */
import { create } from 'zustand'
import type { IpcError, Role, StampsKioskApi } from '../../../shared/ipc'
import type { IpcResponse } from '../../../shared/ipc'
import { buildPatch, checkSave, checkSettings, draftOf, type SettingsDraft } from '../admin/settings-form'

type View = IpcResponse<'settings:get'>
type RawRead = {
  source: string
  hex: string
  decoded?: string | undefined
  dropped?: string | undefined
  /** Why main dropped it (offsets and sizes), e.g. which layout the report did not fit. */
  detail?: string | undefined
}

interface AdminData {
  view: View | null
  draft: SettingsDraft | null
  errors: Record<string, string>
  busy: boolean
  error: IpcError | null
  saved: string[] | null
  upstreamTest: { ok: true; merchant: string } | { ok: false; error: IpcError } | null
  scannerTesting: boolean
  reads: RawRead[]
  pinSaved: Role | null
}

interface AdminState extends AdminData {
  load(api: StampsKioskApi): Promise<void>
  set<K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]): void
  save(api: StampsKioskApi): Promise<void>
  testUpstream(api: StampsKioskApi): Promise<void>
  setPin(api: StampsKioskApi, role: Role, pin: string): Promise<void>
  startScannerTest(api: StampsKioskApi): Promise<() => void>
  stopScannerTest(api: StampsKioskApi): Promise<void>
  wedgeRead(text: string): void
}

const empty: AdminData = {
  view: null,
  draft: null,
  errors: {},
  busy: false,
  error: null,
  saved: null,
  upstreamTest: null,
  scannerTesting: false,
  reads: [],
  pinSaved: null
}
const fields = (e: IpcError): Record<string, string> => Object.fromEntries(e.fields ?? [])

export const useAdminStore = create<AdminState>()((set, get) => ({
  ...empty,
  async load(api) {
    const r = await api.invoke('settings:get', {})
    if (r.ok) set({ view: r.data, draft: draftOf(r.data.settings) })
    else set({ error: r.error })
  },
  set(key, value) {
    const draft = get().draft
    if (draft) set({ draft: { ...draft, [key]: value }, errors: {}, saved: null, error: null })
  },
  async save(api) {
    const { draft, view, busy } = get()
    if (!draft || !view || busy) return
    const errors = checkSave(draft, view.settings)
    if (Object.keys(errors).length > 0) return set({ errors, saved: null })
    set({ busy: true, error: null, saved: null })
    const r = await api.invoke('settings:save', { patch: buildPatch(draft, view.settings) })
    if (!r.ok) return set({ busy: false, error: r.error, errors: fields(r.error) })
    set({ busy: false, view: r.data, draft: draftOf(r.data.settings), saved: r.data.applied })
  },
  async testUpstream(api) {
    const { draft, view } = get()
    if (!draft || !view) return
    const errors = checkSettings(draft)
    if (errors.upstream || errors['credential.key']) return set({ errors })
    set({ busy: true, upstreamTest: null })
    const patch = buildPatch(draft, view.settings)
    const r = await api.invoke('settings:test-upstream', {
      upstream: draft.upstreamMode === 'embedded' ? null : draft.upstream.trim(),
      ...(patch.credential && { credential: patch.credential })
    })
    set({
      busy: false,
      upstreamTest: r.ok ? { ok: true, merchant: r.data.merchant } : { ok: false, error: r.error },
      ...(!r.ok && { errors: fields(r.error) })
    })
  },
  async setPin(api, role, pin) {
    set({ busy: true, error: null, pinSaved: null })
    const r = await api.invoke('auth:set-pin', { role, pin })
    set(r.ok ? { busy: false, pinSaved: role } : { busy: false, error: r.error })
  },
  async startScannerTest(api) {
    set({ reads: [] })
    const off = api.on('scanner:raw', (raw) => set({ reads: [raw, ...get().reads].slice(0, 10) }))
    const r = await api.invoke('scanner:test-start', {})
    set({ scannerTesting: true, ...(!r.ok && { error: r.error }) })
    return off
  },
  async stopScannerTest(api) {
    set({ scannerTesting: false })
    await api.invoke('scanner:test-stop', {})
  },
  // A wedge scanner types into the page: main never sees it, so the page reports its own read.
  wedgeRead: (text) =>
    set({ reads: [{ source: 'wedge', hex: hexOf(text), decoded: text }, ...get().reads].slice(0, 10) })
}))

const hexOf = (text: string): string =>
  Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join(' ')

export const resetAdminStore = (): void => useAdminStore.setState(empty)
