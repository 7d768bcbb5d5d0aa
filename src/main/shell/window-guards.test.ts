import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { KeyInput, ShellApp, ShellWindow } from './electron-shapes'
import { guardWindow, trackQuitting } from './window-guards'

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = h
  }
  closeDevTools = vi.fn()
  toggleDevTools = vi.fn()
  forcefullyCrashRenderer = vi.fn()
  isDestroyed = (): boolean => false
}

class FakeWindow extends EventEmitter {
  webContents = new FakeContents()
}

const key = (k: string, code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods
})

function guarded(initial: 'kiosk' | 'cashier', devTools = false) {
  let mode = initial
  const win = new FakeWindow()
  const app = new EventEmitter()
  const isQuitting = trackQuitting(app as ShellApp)
  const log = vi.fn<(line: string) => void>()
  guardWindow(win as unknown as ShellWindow, { mode: () => mode, devTools, isQuitting, log })
  /** Emits an event the way Electron does and says whether a handler cancelled its default. */
  const emit = (target: EventEmitter, name: string, ...args: unknown[]): boolean => {
    const event = { preventDefault: vi.fn() }
    target.emit(name, event, ...args)
    return event.preventDefault.mock.calls.length > 0
  }
  const setMode = (next: 'kiosk' | 'cashier'): void => void (mode = next)
  return { win, app, log, emit, setMode, contents: win.webContents }
}

describe('guardWindow in kiosk mode', () => {
  it('swallows Alt+F4, Ctrl+W, Ctrl+R, F5 and F12 before the page or a menu sees them', () => {
    const { contents, emit, log } = guarded('kiosk')
    for (const input of [
      key('F4', 'F4', { alt: true }),
      key('w', 'KeyW', { control: true }),
      key('r', 'KeyR', { control: true }),
      key('F5', 'F5'),
      key('F12', 'F12')
    ]) {
      expect(emit(contents, 'before-input-event', input)).toBe(true)
    }
    expect(log).toHaveBeenCalledWith('shell: blocked a close-window key (Alt+F4)')
    expect(emit(contents, 'before-input-event', key('7', 'Digit7'))).toBe(false)
  })

  it('refuses to close the window until the app itself quits', () => {
    const { win, app, emit, log } = guarded('kiosk')
    expect(emit(win, 'close')).toBe(true)
    expect(log).toHaveBeenCalledWith('shell: refused to close the kiosk window (only the app itself may close it)')
    app.emit('before-quit')
    expect(emit(win, 'close')).toBe(false)
  })

  it('lets the window close when the OS session ends', () => {
    const { win, emit } = guarded('kiosk')
    win.emit('session-end')
    expect(emit(win, 'close')).toBe(false)
  })

  it('blocks navigation, new windows, webviews and the Bluetooth chooser', () => {
    const { contents, emit } = guarded('kiosk')
    expect(emit(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(emit(contents, 'will-attach-webview', {}, {})).toBe(true)
    const pick = vi.fn()
    expect(emit(contents, 'select-bluetooth-device', [{ deviceId: 'x' }], pick)).toBe(true)
    expect(pick).toHaveBeenCalledWith('')
  })

  it('closes DevTools the moment they open unless they are allowed', () => {
    const shut = guarded('kiosk')
    shut.contents.emit('devtools-opened')
    expect(shut.contents.closeDevTools).toHaveBeenCalledTimes(1)
    const dev = guarded('kiosk', true)
    dev.contents.emit('devtools-opened')
    expect(dev.contents.closeDevTools).not.toHaveBeenCalled()
  })

  it('opens DevTools on F12 only in a run that allows them', () => {
    const dev = guarded('kiosk', true)
    expect(dev.emit(dev.contents, 'before-input-event', key('F12', 'F12'))).toBe(false)
    expect(dev.contents.toggleDevTools).toHaveBeenCalledTimes(1)
    const prod = guarded('kiosk')
    prod.emit(prod.contents, 'before-input-event', key('F12', 'F12'))
    expect(prod.contents.toggleDevTools).not.toHaveBeenCalled()
  })
})

describe('guardWindow in cashier mode', () => {
  it('keeps normal window behaviour: the window closes and Alt+F4 passes', () => {
    const { win, contents, emit } = guarded('cashier')
    expect(emit(win, 'close')).toBe(false)
    expect(emit(contents, 'before-input-event', key('F4', 'F4', { alt: true }))).toBe(false)
  })

  it('still blocks reloads and DevTools', () => {
    const { contents, emit } = guarded('cashier')
    expect(emit(contents, 'before-input-event', key('r', 'KeyR', { control: true }))).toBe(true)
    expect(emit(contents, 'before-input-event', key('F5', 'F5'))).toBe(true)
    expect(emit(contents, 'before-input-event', key('I', 'KeyI', { control: true, shift: true }))).toBe(true)
  })

  it('still blocks navigation and new windows', () => {
    const { contents, emit } = guarded('cashier')
    expect(emit(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})

describe('guardWindow when the mode changes while the app runs', () => {
  it('locks a till the admin turned into a kiosk, and frees it again', () => {
    const { win, contents, emit, setMode } = guarded('cashier')
    setMode('kiosk')
    expect(emit(win, 'close')).toBe(true)
    expect(emit(contents, 'before-input-event', key('F4', 'F4', { alt: true }))).toBe(true)
    setMode('cashier')
    expect(emit(win, 'close')).toBe(false)
  })
})
