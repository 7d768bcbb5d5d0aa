/**
 * Sandboxed preload: the renderer's only door to main. It exposes `invoke` and `on` and nothing
 * else; payloads are validated in main (the sender is untrusted), so nothing here imports zod.
 * A sandboxed preload can only require('electron'): keep imports to types and 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { IpcEvent, StampsKioskApi } from '../shared/ipc'

/** Event names main may push: a record, so the compiler flags an event added to `ipcEvents` but not here. */
const EVENTS: Record<IpcEvent, true> = {
  'status:changed': true,
  'scan:received': true,
  'session:reset': true,
  'auth:changed': true,
  'scanner:raw': true,
  'outbox:changed': true,
  'printer:job': true
}

const api = {
  invoke: (channel, payload) => ipcRenderer.invoke(`ipc:${channel}`, payload),
  on(event, listener) {
    if (!Object.prototype.hasOwnProperty.call(EVENTS, event)) throw new Error(`unknown event ${event}`)
    // Wrap so the renderer never sees the IpcRendererEvent (it carries `sender`, an ipcRenderer).
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never)
    ipcRenderer.on(`event:${event}`, wrapped)
    return () => void ipcRenderer.removeListener(`event:${event}`, wrapped)
  }
} satisfies StampsKioskApi

contextBridge.exposeInMainWorld('stampsKiosk', api)
