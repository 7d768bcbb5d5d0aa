/**
 * Electron entry: the thin shell. It starts the same services as the headless host
 * (startHost), registers the IPC table and opens one locked-down window: kiosk mode
 * (fullscreen, no menu, no devtools, no navigation, single instance) or a windowed till.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { handle, sendEvent } from './ipc/electron-ipc'
import { startHost, type Host } from './host/start-host'
import { loadSettings } from './settings/settings-store'

const rendererDir = join(__dirname, '../renderer')
let host: Host | null = null

function createWindow(kiosk: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1024,
    height: 768,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !kiosk && !app.isPackaged
    }
  })
  // A kiosk must not be navigated away from its one page, nor open another window.
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.once('ready-to-show', () => win.show())
  const devUrl = process.env.ELECTRON_RENDERER_URL
  void (devUrl && !app.isPackaged ? win.loadURL(devUrl) : win.loadFile(join(rendererDir, 'index.html')))
  return win
}

async function boot(): Promise<void> {
  const loaded = loadSettings(process.argv.slice(app.isPackaged ? 1 : 2))
  const kiosk = loaded.settings.kiosk.mode === 'kiosk'
  if (kiosk) Menu.setApplicationMenu(null)
  host = await startHost({ loaded, rendererDir, serveUi: false })
  const live = host
  handle(
    live.router,
    { rendererDir, ...(process.env.ELECTRON_RENDERER_URL && { devUrl: process.env.ELECTRON_RENDERER_URL }) },
    () => live.caller()
  )
  const win = createWindow(kiosk)
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
