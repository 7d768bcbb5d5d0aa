/**
 * Electron entry: the thin shell. It starts the same services as the headless host
 * (startHost), registers the IPC table and opens one locked-down window (src/main/shell): kiosk
 * mode (fullscreen, no menu, no close or reload keys, no navigation, single instance) or a
 * windowed till; both deny permissions, reload a crashed renderer and have no DevTools.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, safeStorage } from 'electron'
import { handle, sendEvent } from './ipc/electron-ipc'
import { startHost, type Host } from './host/start-host'
import { keyFileSealer, keyringSealer } from './settings/secret-box'
import { loadSettings } from './settings/settings-store'
import { openShellWindow } from './shell/shell-window'
import { installLastResort } from '../platform/process/last-resort'

// Before anything can throw: a kiosk that hits a bug logs it and keeps serving (the window stays up).
installLastResort('stamps-kiosk')

const rendererDir = join(__dirname, '../renderer')
let host: Host | null = null

async function boot(): Promise<void> {
  // Secrets at rest go to the OS keyring here (only the shell has safeStorage); a key file otherwise.
  const loaded = loadSettings(process.argv.slice(app.isPackaged ? 1 : 2), process.env, {
    sealerFor: (dataDir) => keyringSealer(safeStorage, keyFileSealer(dataDir))
  })
  host = await startHost({ loaded, rendererDir, serveUi: false })
  const live = host
  handle(
    live.router,
    { rendererDir, ...(process.env.ELECTRON_RENDERER_URL && { devUrl: process.env.ELECTRON_RENDERER_URL }) },
    () => live.caller()
  )
  const win = openShellWindow({
    mode: loaded.settings.kiosk.mode,
    rendererDir,
    ...(process.env.ELECTRON_RENDERER_URL && { devUrl: process.env.ELECTRON_RENDERER_URL }),
    onEvent: live.onEvent
  })
  const off = live.onEvent((event, payload) => sendEvent(win, live.caller(), event, payload))
  win.on('closed', off)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  app
    .whenReady()
    .then(boot, () => undefined)
    .catch((err: Error) => {
      dialog.showErrorBox('Stamps Kiosk cannot start', err.message)
      app.exit(2)
    })
  app.on('window-all-closed', () => app.quit())
  // Let the sale in flight finish and close the queues cleanly before the process ends.
  app.on('will-quit', (event) => {
    if (!host) return
    event.preventDefault()
    const closing = host
    host = null
    void closing.close().finally(() => app.exit(0))
  })
}
