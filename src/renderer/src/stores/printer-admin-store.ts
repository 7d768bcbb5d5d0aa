/** The admin's printer view: live status, held jobs and the last test print, as main reports them. */
import { create } from 'zustand'
import type { IpcResponse, StampsKioskApi } from '../../../shared/ipc'
import type { PrintJob } from '../../../shared/receipt/printer-status'

type PrinterModel = IpcResponse<'printer:models'>['models'][number]

interface PrinterAdminSlice {
  status: IpcResponse<'printer:status'> | null
  /** The encoder database's models to pick from; empty until loaded. */
  models: PrinterModel[]
  loadModels(api: StampsKioskApi): Promise<void>
  held: PrintJob[]
  test: PrintJob | null
  refresh(api: StampsKioskApi): Promise<void>
  testPrint(api: StampsKioskApi): Promise<void>
  retry(api: StampsKioskApi, id: number): Promise<void>
  discard(api: StampsKioskApi, id: number): Promise<void>
  /** A job changed state in main: the test line follows its own job. */
  jobChanged(job: PrintJob): void
}

export const usePrinterAdminStore = create<PrinterAdminSlice>()((set, get) => ({
  status: null,
  models: [],
  held: [],
  test: null,
  async loadModels(api) {
    const r = await api.invoke('printer:models', {})
    if (r.ok) set({ models: r.data.models })
  },
  async refresh(api) {
    const [st, jobs] = await Promise.all([
      api.invoke('printer:status', {}),
      api.invoke('printer:jobs', { state: 'held', limit: 10 })
    ])
    if (st.ok) set({ status: st.data })
    if (jobs.ok) set({ held: jobs.data.jobs })
  },
  async testPrint(api) {
    const r = await api.invoke('printer:test', {})
    set({ test: r.ok ? r.data : null })
  },
  async retry(api, id) {
    await api.invoke('printer:retry', { id })
    await get().refresh(api)
  },
  async discard(api, id) {
    await api.invoke('printer:discard', { id })
    await get().refresh(api)
  },
  jobChanged(job) {
    set((s) => (s.test?.id === job.id ? { test: job } : {}))
  }
}))

export const resetPrinterAdminStore = (): void =>
  usePrinterAdminStore.setState({ status: null, models: [], held: [], test: null })
