/**
 * Locks the shell's window: the key policy on every key, the close policy on every close, no
 * navigation, no new windows, no webviews, no Bluetooth chooser, and DevTools shut the moment
 * they open unless allowed. Electron-free: shell-window.ts passes the real BrowserWindow.
 */
import type { ShellApp, ShellWindow } from './electron-shapes'
import { keyPolicy } from './key-policy'
import { closeAllowed, type ShellMode } from './window-policy'

export interface GuardOptions {
  /** The current mode: an admin may turn a till into a kiosk (or back) while the app runs. */
  mode(): ShellMode
  devTools: boolean
  isQuitting(): boolean
  log(line: string): void
}

/** Follows the app's own shutdown: after `before-quit`, a kiosk window may close. */
export function trackQuitting(app: ShellApp): () => boolean {
  let quitting = false
  app.on('before-quit', () => (quitting = true))
  return () => quitting
}

/** Installs every guard on `win`. */
export function guardWindow(win: ShellWindow, opts: GuardOptions): void {
  const contents = win.webContents
  // The OS may still close the window when the session ends (Windows log-off or shutdown).
  let sessionEnding = false
  win.on('session-end', () => (sessionEnding = true))
  win.on('close', (event) => {
    if (closeAllowed({ mode: opts.mode(), quitting: opts.isQuitting() || sessionEnding })) return
    event.preventDefault()
    opts.log('shell: refused to close the kiosk window (only the app itself may close it)')
  })

  contents.on('before-input-event', (event, input) => {
    const verdict = keyPolicy(input, { mode: opts.mode(), devTools: opts.devTools })
    if (verdict.allow) {
      // With DevTools allowed but no View menu to carry their accelerator, the shell opens them.
      if (opts.devTools && input.type === 'keyDown' && input.key === 'F12') contents.toggleDevTools()
      return
    }
    event.preventDefault()
    if (input.type === 'keyDown') opts.log(`shell: blocked a ${verdict.reason} key (${describe(input)})`)
  })

  // One page, one window: nothing may navigate it away or open another.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    opts.log(`shell: blocked navigation to ${url}`)
  })
  contents.setWindowOpenHandler(({ url }) => {
    opts.log(`shell: blocked a new window for ${url}`)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    opts.log('shell: blocked a webview')
  })
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault()
    callback('')
  })
  contents.on('devtools-opened', () => {
    if (opts.devTools) return
    contents.closeDevTools()
    opts.log('shell: closed DevTools (not allowed in this run)')
  })
}

const describe = (i: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): string =>
  [i.control && 'Ctrl', i.meta && 'Meta', i.alt && 'Alt', i.shift && 'Shift', i.key].filter(Boolean).join('+')
