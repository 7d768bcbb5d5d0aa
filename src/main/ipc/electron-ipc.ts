/**
 * The one `handle()` wrapper for Electron: registers every channel of the contract with
 * ipcMain, refuses senders that are not our renderer, and hands the payload to the shared
 * router (which parses it against the contract) saying who the window is: a kiosk while the
 * host runs in kiosk mode. Nothing else imports ipcMain; this file imports electron, so tests
 * never import it.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { ipcChannels, ipcEvents, type IpcEvent, type IpcEventPayload, type IpcResult } from '../../shared/ipc'
import { mayReceive, type IpcCaller } from './ipc-caller'
import type { IpcRouter } from './ipc-router'
import { isTrustedSender } from './trusted-sender'

/** Registers `ipc:<channel>` handlers for the whole table; returns a function removing them. */
export function handle(
  router: IpcRouter,
  trust: { rendererDir: string; devUrl?: string },
  caller: () => IpcCaller
): () => void {
  const channels = Object.keys(ipcChannels)
  for (const channel of channels) {
    ipcMain.handle(
      `ipc:${channel}`,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
        if (!isTrustedSender(event.senderFrame?.url, trust.rendererDir, trust.devUrl)) {
          return { ok: false, error: { code: 'forbidden', message: 'This window may not use the kiosk services.' } }
        }
        return router.dispatch(channel, payload, caller())
      }
    )
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(`ipc:${c}`))
}

/** Sends a validated main-to-renderer event to one window (the preload's `on` receives it) if `caller` may receive it. */
export function sendEvent<E extends IpcEvent>(
  win: BrowserWindow,
  caller: IpcCaller,
  event: E,
  payload: IpcEventPayload<E>
): void {
  if (win.isDestroyed() || !mayReceive(caller, event)) return
  win.webContents.send(`event:${event}`, ipcEvents[event].payload.parse(payload))
}
