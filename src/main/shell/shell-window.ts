/**
 * The Electron adapter of the shell: builds the one window from the policies in this folder and
 * wires them to the real BrowserWindow, Session, Menu and app. Every decision lives in the
 * electron-free modules beside it (tested in vitest); this file only connects them.
 */
import { join } from 'node:path'
import { app, BrowserWindow, Menu } from 'electron'
import type { IpcEventPayload } from '../../shared/ipc'
import type { Broadcast } from '../host/host-context'
import { watchRenderer } from './renderer-watchdog'
import { lockDownSession } from './session-lockdown'
import { guardWindow, trackQuitting } from './window-guards'
import { applicationMenu, devToolsAllowed, windowOptions, type ShellMode } from './window-policy'
import { logError } from '../../platform/log/process-log'

export interface ShellWindowOptions {
  /** The mode at start; the window follows `status:changed` after that. */
  mode: ShellMode
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** electron-vite's dev server, used in an unpackaged run only. */
  devUrl?: string
  /** The host's event feed (Host.onEvent): an admin's mode change applies to the window at once. */
  onEvent(listener: Broadcast): () => void
  log?: (line: string) => void
}

let isQuitting: (() => boolean) | null = null

const setMenu = (mode: ShellMode): void => {
  const template = applicationMenu(mode, process.platform)
  Menu.setApplicationMenu(template && Menu.buildFromTemplate(template))
}

/** Opens the kiosk or till window, locked down and watched. Call once the app is ready. */
export function openShellWindow(opts: ShellWindowOptions): BrowserWindow {
  const log = opts.log ?? ((line: string) => logError(line))
  isQuitting ??= trackQuitting(app)
  const quitting = isQuitting
  const devTools = devToolsAllowed({ isPackaged: app.isPackaged, env: process.env })
  let mode = opts.mode
  setMenu(mode)

  const win = new BrowserWindow(windowOptions({ mode, devTools, preload: join(__dirname, '../preload/index.js') }))
  lockDownSession(win.webContents.session, log)
  guardWindow(win, { mode: () => mode, devTools, isQuitting: quitting, log })

  const devUrl = opts.devUrl && !app.isPackaged ? opts.devUrl : undefined
  const load = (): void => {
    if (win.isDestroyed()) return
    const loading = devUrl ? win.loadURL(devUrl) : win.loadFile(join(opts.rendererDir, 'index.html'))
    // A failed load also emits did-fail-load, which the watchdog retries; this only keeps it logged.
    loading.catch((err: Error) => log(`shell: loading the page failed: ${err.message}`))
  }
  const watchdog = watchRenderer(win.webContents, {
    load,
    kill: () => win.webContents.forcefullyCrashRenderer(),
    isQuitting: quitting,
    log
  })

  const offMode = opts.onEvent((event, payload) => {
    if (event !== 'status:changed' || win.isDestroyed()) return
    const next = (payload as IpcEventPayload<'status:changed'>).mode
    if (next === mode) return
    mode = next
    win.setKiosk(next === 'kiosk')
    win.setFullScreen(next === 'kiosk')
    setMenu(next)
    log(`shell: window now in ${next} mode`)
  })
  win.on('closed', () => {
    offMode()
    watchdog.dispose()
  })
  win.once('ready-to-show', () => win.show())
  load()
  return win
}
