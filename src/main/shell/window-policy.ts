/**
 * The shell window's fixed decisions, kept free of `electron` so tests read them: who may open
 * DevTools, when the window may close, its locked-down webPreferences and the till's menu.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron'

export type ShellMode = 'kiosk' | 'cashier'

/** The opt-in a developer sets to get DevTools in an unpackaged run (`STAMPS_KIOSK_DEVTOOLS=1 npm start`). */
export const DEVTOOLS_ENV = 'STAMPS_KIOSK_DEVTOOLS'

/**
 * DevTools only in an unpackaged development run that asked for them, whatever the mode. Being
 * unpackaged is not enough: shops may run the app from a checkout with `npm start`, and DevTools
 * there would hand a customer the IPC bridge.
 */
export function devToolsAllowed(run: { isPackaged: boolean; env: Record<string, string | undefined> }): boolean {
  return !run.isPackaged && run.env[DEVTOOLS_ENV] === '1'
}

/** A kiosk window closes only when the app itself quits; a till closes like any window. */
export function closeAllowed(state: { mode: ShellMode; quitting: boolean }): boolean {
  return state.mode === 'cashier' || state.quitting
}

/** The window: sandboxed, isolated, no Node, no webview, DevTools only when allowed. */
export function windowOptions(opts: {
  mode: ShellMode
  devTools: boolean
  preload: string
}): BrowserWindowConstructorOptions {
  const kiosk = opts.mode === 'kiosk'
  return {
    width: 1024,
    height: 768,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: opts.devTools
    }
  }
}

/**
 * The application menu: none in a kiosk (no accelerators to close, reload or inspect); a till
 * keeps File (close, quit), Edit (clipboard keys, which macOS only honours through a menu) and
 * Window, and loses View, whose Reload and Toggle DevTools items a cashier could click.
 */
export function applicationMenu(mode: ShellMode, platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (mode === 'kiosk') return null
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'windowMenu' }
  ]
}
