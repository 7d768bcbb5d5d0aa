import { describe, expect, it } from 'vitest'
import type { KeyInput } from './electron-shapes'
import { keyPolicy, kioskKeyPolicy } from './key-policy'

/** An Electron `Input` as `before-input-event` delivers it (no modifiers unless given). */
const input = (key: string, code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods
})
const ctrl = { control: true }
const cmd = { meta: true }

describe('kioskKeyPolicy', () => {
  const blocked: Array<[string, KeyInput, string]> = [
    ['Alt+F4', input('F4', 'F4', { alt: true }), 'close-window'],
    ['Ctrl+F4', input('F4', 'F4', ctrl), 'close-window'],
    ['Ctrl+W', input('w', 'KeyW', ctrl), 'close-window'],
    ['Ctrl+Shift+W', input('W', 'KeyW', { ...ctrl, shift: true }), 'close-window'],
    ['Cmd+W', input('w', 'KeyW', cmd), 'close-window'],
    ['Ctrl+Q', input('q', 'KeyQ', ctrl), 'close-window'],
    ['Cmd+Q', input('q', 'KeyQ', cmd), 'close-window'],
    ['Cmd+H (hide)', input('h', 'KeyH', cmd), 'close-window'],
    ['Cmd+M (minimise)', input('m', 'KeyM', cmd), 'close-window'],
    ['Ctrl+R', input('r', 'KeyR', ctrl), 'reload'],
    ['Cmd+R', input('r', 'KeyR', cmd), 'reload'],
    ['Ctrl+Shift+R', input('R', 'KeyR', { ...ctrl, shift: true }), 'reload'],
    ['F5', input('F5', 'F5'), 'reload'],
    ['Ctrl+F5', input('F5', 'F5', ctrl), 'reload'],
    ['Shift+F5', input('F5', 'F5', { shift: true }), 'reload'],
    ['browser refresh key', input('BrowserRefresh', 'BrowserRefresh'), 'reload'],
    ['Ctrl+R on a Russian layout', input('к', 'KeyR', ctrl), 'reload'],
    ['F12', input('F12', 'F12'), 'devtools'],
    ['Ctrl+Shift+I', input('I', 'KeyI', { ...ctrl, shift: true }), 'devtools'],
    ['Ctrl+Shift+J', input('J', 'KeyJ', { ...ctrl, shift: true }), 'devtools'],
    ['Ctrl+Shift+C', input('C', 'KeyC', { ...ctrl, shift: true }), 'devtools'],
    ['Cmd+Alt+I', input('ˆ', 'KeyI', { ...cmd, alt: true }), 'devtools'],
    ['Ctrl+P', input('p', 'KeyP', ctrl), 'print'],
    ['Cmd+P', input('p', 'KeyP', cmd), 'print'],
    ['Ctrl+Shift+P', input('P', 'KeyP', { ...ctrl, shift: true }), 'print'],
    ['Ctrl+=', input('=', 'Equal', ctrl), 'zoom'],
    ['Ctrl+Shift+= (Ctrl++)', input('+', 'Equal', { ...ctrl, shift: true }), 'zoom'],
    ['Ctrl+-', input('-', 'Minus', ctrl), 'zoom'],
    ['Ctrl+0', input('0', 'Digit0', ctrl), 'zoom'],
    ['Ctrl+numpad +', input('+', 'NumpadAdd', ctrl), 'zoom'],
    ['Ctrl+numpad -', input('-', 'NumpadSubtract', ctrl), 'zoom'],
    ['Cmd+0', input('0', 'Digit0', cmd), 'zoom'],
    ['Alt+Left', input('ArrowLeft', 'ArrowLeft', { alt: true }), 'navigate'],
    ['Alt+Right', input('ArrowRight', 'ArrowRight', { alt: true }), 'navigate'],
    ['browser back key', input('BrowserBack', 'BrowserBack'), 'navigate'],
    ['Cmd+[', input('[', 'BracketLeft', cmd), 'navigate'],
    ['F11', input('F11', 'F11'), 'fullscreen'],
    ['Ctrl+Cmd+F', input('f', 'KeyF', { ...ctrl, ...cmd }), 'fullscreen']
  ]
  it.each(blocked)('blocks %s', (_name, event, reason) => {
    expect(kioskKeyPolicy(event)).toEqual({ allow: false, reason })
    // The release is swallowed too: the page never sees half of a blocked shortcut.
    expect(kioskKeyPolicy({ ...event, type: 'keyUp' })).toEqual({ allow: false, reason })
  })

  const allowed: Array<[string, KeyInput]> = [
    ['a digit from a wedge scanner', input('7', 'Digit7')],
    ['Enter ending a scan', input('Enter', 'Enter')],
    ['a shifted letter', input('A', 'KeyA', { shift: true })],
    ['an @ in an email', input('@', 'Digit2', { shift: true })],
    ['F4 alone', input('F4', 'F4')],
    ['Alt alone', input('Alt', 'AltLeft', { alt: true })],
    ['Backspace', input('Backspace', 'Backspace')],
    ['Escape', input('Escape', 'Escape')],
    ['Tab', input('Tab', 'Tab')],
    ['Ctrl+C', input('c', 'KeyC', ctrl)],
    ['Ctrl+V', input('v', 'KeyV', ctrl)],
    ['AltGr+C on a Polish layout', input('ć', 'KeyC', { control: true, alt: true })],
    ['ArrowLeft without Alt', input('ArrowLeft', 'ArrowLeft')],
    ['0 without Ctrl', input('0', 'Digit0')],
    ['r without Ctrl', input('r', 'KeyR')]
  ]
  it.each(allowed)('lets %s through', (_name, event) => {
    expect(kioskKeyPolicy(event)).toEqual({ allow: true })
  })

  it('lets DevTools keys through only when DevTools are allowed, and nothing else', () => {
    expect(kioskKeyPolicy(input('F12', 'F12'), true)).toEqual({ allow: true })
    expect(kioskKeyPolicy(input('I', 'KeyI', { ...ctrl, shift: true }), true)).toEqual({ allow: true })
    expect(kioskKeyPolicy(input('F4', 'F4', { alt: true }), true)).toEqual({ allow: false, reason: 'close-window' })
    expect(kioskKeyPolicy(input('r', 'KeyR', ctrl), true)).toEqual({ allow: false, reason: 'reload' })
  })
})

describe('keyPolicy in cashier mode', () => {
  const cashier = { mode: 'cashier', devTools: false } as const

  it('keeps the normal window keys of a till', () => {
    for (const event of [
      input('F4', 'F4', { alt: true }),
      input('w', 'KeyW', ctrl),
      input('q', 'KeyQ', ctrl),
      input('p', 'KeyP', ctrl),
      input('=', 'Equal', ctrl),
      input('F11', 'F11'),
      input('ArrowLeft', 'ArrowLeft', { alt: true })
    ]) {
      expect(keyPolicy(event, cashier)).toEqual({ allow: true })
    }
  })

  it('still never reloads (the sale being typed would be lost)', () => {
    for (const event of [
      input('r', 'KeyR', ctrl),
      input('R', 'KeyR', { ...ctrl, shift: true }),
      input('r', 'KeyR', cmd),
      input('F5', 'F5'),
      input('F5', 'F5', ctrl)
    ]) {
      expect(keyPolicy(event, cashier)).toEqual({ allow: false, reason: 'reload' })
      expect(keyPolicy(event, { ...cashier, devTools: true })).toEqual({ allow: false, reason: 'reload' })
    }
  })

  it('opens no DevTools unless they are allowed', () => {
    expect(keyPolicy(input('F12', 'F12'), cashier)).toEqual({ allow: false, reason: 'devtools' })
    expect(keyPolicy(input('I', 'KeyI', { ...ctrl, shift: true }), cashier)).toEqual({
      allow: false,
      reason: 'devtools'
    })
    expect(keyPolicy(input('F12', 'F12'), { ...cashier, devTools: true })).toEqual({ allow: true })
  })
})
