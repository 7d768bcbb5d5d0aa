/** What every domain's setup receives from the host: settings, the IPC router, events out, and shutdown. */
import type { IpcEvent, IpcEventPayload } from '../../shared/ipc'
import type { IpcRouter } from '../ipc/ipc-router'
import type { MetricsFeed } from '../metrics/metrics-feed'
import type { Settings } from '../settings/settings-schema'

/** Pushes a main-to-renderer event to every connected screen (browser host, Electron window). */
export type Broadcast = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void

export interface HostContext {
  /** The settings the host booted with (file, environment, flags); live changes go through the settings domain. */
  settings: Settings
  dataDir: string
  log: (line: string) => void
  ipc: IpcRouter
  broadcast: Broadcast
  /** Counts sales and upstream requests for /metrics. */
  metrics: MetricsFeed
  /** Runs `close` at shutdown; closers run in the reverse order of registration. */
  onClose(close: () => Promise<void> | void): void
}
