import { describe, expect, it } from 'vitest'
import { applicationMenu, closeAllowed, devToolsAllowed, windowOptions } from './window-policy'

describe('devToolsAllowed', () => {
  it('is false in a packaged build, whatever the environment says', () => {
    expect(devToolsAllowed({ isPackaged: true, env: {} })).toBe(false)
    expect(devToolsAllowed({ isPackaged: true, env: { STAMPS_KIOSK_DEVTOOLS: '1' } })).toBe(false)
  })

  it('is false in an unpackaged run that did not ask (a shop running `npm start`)', () => {
    expect(devToolsAllowed({ isPackaged: false, env: {} })).toBe(false)
    expect(devToolsAllowed({ isPackaged: false, env: { STAMPS_KIOSK_DEVTOOLS: 'yes' } })).toBe(false)
    expect(devToolsAllowed({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toBe(false)
  })

  it('is true only for an unpackaged run with STAMPS_KIOSK_DEVTOOLS=1', () => {
    expect(devToolsAllowed({ isPackaged: false, env: { STAMPS_KIOSK_DEVTOOLS: '1' } })).toBe(true)
  })
})

describe('closeAllowed', () => {
  it('keeps a kiosk window open until the app itself quits', () => {
    expect(closeAllowed({ mode: 'kiosk', quitting: false })).toBe(false)
    expect(closeAllowed({ mode: 'kiosk', quitting: true })).toBe(true)
  })

  it('lets a till close like any window', () => {
    expect(closeAllowed({ mode: 'cashier', quitting: false })).toBe(true)
  })
})

describe('windowOptions', () => {
  it('locks a production kiosk window down: fullscreen kiosk, sandboxed, isolated, no DevTools, no webview', () => {
    const o = windowOptions({ mode: 'kiosk', devTools: false, preload: '/app/preload/index.js' })
    expect(o).toMatchObject({ kiosk: true, fullscreen: true, show: false })
    expect(o.webPreferences).toEqual({
      preload: '/app/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false
    })
  })

  it('gives a till a normal window with the same locked renderer', () => {
    const o = windowOptions({ mode: 'cashier', devTools: false, preload: 'p.js' })
    expect(o).toMatchObject({ kiosk: false, fullscreen: false })
    expect(o.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false })
  })

  it('turns DevTools on only when they are allowed', () => {
    expect(windowOptions({ mode: 'kiosk', devTools: true, preload: 'p.js' }).webPreferences?.devTools).toBe(true)
  })
})

describe('applicationMenu', () => {
  it('gives a kiosk no menu at all (no accelerators)', () => {
    expect(applicationMenu('kiosk', 'linux')).toBeNull()
    expect(applicationMenu('kiosk', 'darwin')).toBeNull()
  })

  it('gives a till File, Edit and Window but no View menu (Reload, Toggle DevTools)', () => {
    const roles = (p: NodeJS.Platform): unknown[] => (applicationMenu('cashier', p) ?? []).map((m) => m.role)
    expect(roles('linux')).toEqual(['fileMenu', 'editMenu', 'windowMenu'])
    expect(roles('win32')).toEqual(['fileMenu', 'editMenu', 'windowMenu'])
    expect(roles('darwin')).toEqual(['appMenu', 'fileMenu', 'editMenu', 'windowMenu'])
    for (const p of ['linux', 'darwin'] as const) {
      const items = applicationMenu('cashier', p) ?? []
      expect(items.some((m) => m.role === 'viewMenu' || m.role === 'reload' || m.role === 'toggleDevTools')).toBe(false)
      expect(items.every((m) => m.submenu === undefined)).toBe(true)
    }
  })
})
