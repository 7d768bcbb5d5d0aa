/**
 * The Electron shell as a customer at a kiosk (or a cashier at a till) meets it: keys that would
 * close, reload or inspect the window do nothing, the window refuses to close, a crashed or hung
 * renderer comes back by itself, web content gets no permission and DevTools never open. Runs
 * in the electron project where an Electron binary exists; skipped elsewhere (this machine cannot
 * fetch one). The decisions themselves are unit-tested in src/main/shell.
 */
import type { ElectronApplication, Page } from '@playwright/test'
import { electronBinary } from '../support/electron-binary'
import { launchShellApp, type ShellApp } from '../support/electron-app'
import { expect, test } from '../support/fixtures'

const bin = electronBinary()
test.skip(({ runtime }) => runtime !== 'electron', 'Electron shell checks run in the electron project')
test.skip(bin.path === null, `electron project skipped: ${bin.path === null ? bin.reason : ''}`)

// Browser globals inside page.evaluate: this project compiles without the DOM library.
declare const window: Record<string, unknown> & {
  addEventListener(t: string, l: (e: { key: string }) => void, c: boolean): void
}

const windowCount = (app: ElectronApplication): Promise<number> =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)

/** True once the (re)loaded page shows the app with its first status. */
const appShown = (app: ElectronApplication): Promise<boolean> =>
  app.evaluate(async ({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]?.webContents
    if (!wc || wc.isCrashed()) return false
    return (await wc
      .executeJavaScript(`document.querySelector('.shell[data-ready="true"]') !== null`)
      .catch(() => false)) as boolean
  })

/** Records which keydowns reach the page, and marks the document to tell a reload apart. */
async function watchKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__keys = []
    window.__sameDocument = true
    window.addEventListener('keydown', (e) => (window.__keys as string[]).push(e.key), true)
  })
}

async function open(dataDir: string, printerUrl: string, extraArgs: string[] = []): Promise<ShellApp & { page: Page }> {
  const shell = await launchShellApp({ dataDir, printerUrl, extraArgs })
  const page = await shell.app.firstWindow()
  await expect(page.locator('.shell[data-ready="true"]')).toBeVisible({ timeout: 30_000 })
  return { ...shell, page }
}

test.describe('kiosk mode', () => {
  test('swallows the keys that close, reload, print, zoom or inspect the window', async ({ dataDir, printer }) => {
    const { app, page, log } = await open(dataDir, printer.url)
    await watchKeys(page)
    for (const combo of [
      'Alt+F4',
      'Control+w',
      'Control+q',
      'Control+r',
      'Control+Shift+R',
      'F5',
      'F12',
      'Control+Shift+I',
      'Control+p',
      'Control+Equal',
      'Control+Minus',
      'Control+0',
      'F11'
    ]) {
      await page.keyboard.press(combo)
    }
    await page.keyboard.press('7')
    // Only the ordinary key reached the page; nothing reloaded, closed or opened.
    expect(await page.evaluate(() => window.__keys)).toEqual(['7'])
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true)
    expect(await windowCount(app)).toBe(1)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(true)
    expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu())).toBeNull()
    expect(log()).toContain('shell: blocked a close-window key (Alt+F4)')
    await app.close()
  })

  test('refuses to close the window; only the app quitting closes it', async ({ dataDir, printer }) => {
    const { app, log } = await open(dataDir, printer.url)
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
    await expect.poll(() => log()).toContain('refused to close the kiosk window')
    expect(await windowCount(app)).toBe(1)
    // app.close() quits the app (before-quit): the window closes and the process ends.
    await app.close()
    expect(app.process().exitCode).toBe(0)
  })

  test('reloads a crashed renderer and the kiosk comes back', async ({ dataDir, printer }) => {
    const { app, log } = await open(dataDir, printer.url)
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer())
    await expect.poll(() => log(), { timeout: 10_000 }).toMatch(/renderer gone \((crashed|killed)/)
    await expect.poll(() => appShown(app), { timeout: 30_000 }).toBe(true)
    await app.close()
  })

  test('restarts a hung renderer after the grace period', async ({ dataDir, printer }) => {
    test.setTimeout(120_000)
    const { app, page, log } = await open(dataDir, printer.url)
    await page.evaluate(
      () =>
        void setTimeout(() => {
          for (;;) {
            /* hang the renderer */
          }
        }, 0)
    )
    // Chromium declares a renderer unresponsive when input goes unanswered: send some, without
    // waiting for an answer that never comes.
    await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents
      for (let i = 0; i < 5; i++) wc.sendInputEvent({ type: 'keyDown', keyCode: 'A' })
    })
    await expect.poll(() => log(), { timeout: 60_000 }).toContain('renderer unresponsive')
    // Ask the page nothing while it hangs (the question would hang too): wait for the restart.
    await expect.poll(() => log(), { timeout: 60_000 }).toContain('still unresponsive after')
    await expect.poll(() => appShown(app), { timeout: 60_000 }).toBe(true)
    await app.close()
  })

  test('grants web content no permission, no device, no popup', async ({ dataDir, printer }) => {
    const { app, page, log } = await open(dataDir, printer.url)
    const result = await page.evaluate(`(async () => {
      const state = async (name) => (await navigator.permissions.query({ name })).state
      return {
        geolocation: await state('geolocation'),
        camera: await state('camera'),
        microphone: await state('microphone'),
        notifications: await Notification.requestPermission(),
        position: await new Promise((r) => navigator.geolocation.getCurrentPosition(() => r('granted'), (e) => r(e.code))),
        hid: navigator.hid ? (await navigator.hid.getDevices()).length : 0,
        usb: navigator.usb ? (await navigator.usb.getDevices()).length : 0,
        serial: navigator.serial ? (await navigator.serial.getPorts()).length : 0,
        popup: window.open('https://example.com/') === null
      }
    })()`)
    expect(result).toEqual({
      geolocation: 'denied',
      camera: 'denied',
      microphone: 'denied',
      notifications: 'denied',
      position: 1, // GeolocationPositionError.PERMISSION_DENIED
      hid: 0,
      usb: 0,
      serial: 0,
      popup: true
    })
    expect(log()).toContain("refused permission 'geolocation'")
    expect(await windowCount(app)).toBe(1)
    await app.close()
  })

  test('never opens DevTools in a run that did not opt in', async ({ dataDir, printer }) => {
    const { app } = await open(dataDir, printer.url)
    const opened = await app.evaluate(async ({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents
      wc.openDevTools()
      await new Promise((r) => setTimeout(r, 1_000))
      return wc.isDevToolsOpened()
    })
    expect(opened).toBe(false)
    await app.close()
  })
})

test.describe('cashier mode', () => {
  test('keeps a normal closable window but never reloads and has no DevTools', async ({ dataDir, printer }) => {
    const { app, page } = await open(dataDir, printer.url, ['--mode', 'cashier'])
    await watchKeys(page)
    for (const combo of ['Control+r', 'Control+Shift+R', 'F5', 'F12', 'Control+Shift+I'])
      await page.keyboard.press(combo)
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true)
    expect(await page.evaluate(() => window.__keys)).toEqual([])
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.isDevToolsOpened())
    ).toBe(false)
    // No menu item a cashier could click to reload or inspect.
    const roles = await app.evaluate(({ Menu }) => {
      const out: string[] = []
      const walk = (items: Electron.MenuItem[]): void =>
        items.forEach((i) => {
          out.push(String(i.role ?? '').toLowerCase())
          if (i.submenu) walk(i.submenu.items)
        })
      walk(Menu.getApplicationMenu()?.items ?? [])
      return out
    })
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('forcereload')
    expect(roles).not.toContain('toggledevtools')
    // Closing the till's window is allowed: the app then quits by itself.
    const exited = new Promise<void>((r) => app.process().once('exit', () => r()))
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
    await exited
  })
})
