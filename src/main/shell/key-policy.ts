/**
 * Which keys the shell swallows before the page or a menu sees them (`before-input-event`).
 * A kiosk stands in a shop where a customer may plug in a keyboard: nothing may close, reload,
 * print, zoom, navigate or inspect the window. A cashier's till keeps its normal window keys but
 * never reloads (a reload drops the sale being typed). DevTools keys pass only when DevTools are
 * allowed at all (an unpackaged development run that asked for them).
 *
 * Keys are matched by the produced key and by the physical key code: Chromium fires menu
 * accelerators on the physical key under non-Latin layouts (Ctrl+R on a Russian layout yields
 * 'к'), so matching `key` alone would let those through. Matching both over-blocks a few
 * shortcuts on exotic layouts (Ctrl+A on AZERTY sits on KeyQ), which a kiosk can afford.
 */
import type { KeyInput } from './electron-shapes'

export type BlockReason = 'close-window' | 'reload' | 'devtools' | 'print' | 'zoom' | 'navigate' | 'fullscreen'
export type KeyVerdict = { allow: true } | { allow: false; reason: BlockReason }

export interface KeyPolicyOptions {
  mode: 'kiosk' | 'cashier'
  /** DevTools may open (development run with the explicit opt-in); their keys pass. */
  devTools: boolean
}

const ALLOW: KeyVerdict = { allow: true }
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0'])
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'])

/** What a key combination would do to the window, or null when it is ordinary input. */
export function classifyKey(input: KeyInput): BlockReason | null {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  const { code } = input
  /** CmdOrCtrl: either counts on every platform, since either may reach a menu accelerator. */
  const mod = input.control || input.meta
  const letter = (l: string): boolean => key === l || code === `Key${l.toUpperCase()}`
  const named = (name: string): boolean => key === name || code === name

  if (named('F4') && (input.alt || mod)) return 'close-window'
  if (mod && (letter('w') || letter('q'))) return 'close-window'
  // macOS hide and minimise take the kiosk off the screen as surely as closing it.
  if (input.meta && (letter('h') || letter('m'))) return 'close-window'
  if (named('F5') || named('BrowserRefresh') || (mod && letter('r'))) return 'reload'
  if (named('F12')) return 'devtools'
  // Ctrl+Shift+I/J/C on Windows and Linux, Cmd+Alt+I/J/C on macOS. Not Ctrl+Alt: that is AltGr,
  // which types characters (AltGr+C is 'ć' on a Polish layout).
  const inspect = (input.control && input.shift && !input.alt) || (input.meta && input.alt)
  if (inspect && (letter('i') || letter('j') || letter('c'))) return 'devtools'
  if (mod && letter('p')) return 'print'
  if (mod && (ZOOM_KEYS.has(key) || ZOOM_CODES.has(code))) return 'zoom'
  if (input.alt && (named('ArrowLeft') || named('ArrowRight'))) return 'navigate'
  if (named('BrowserBack') || named('BrowserForward')) return 'navigate'
  if (input.meta && (key === '[' || key === ']')) return 'navigate'
  if (named('F11') || (input.meta && input.control && letter('f'))) return 'fullscreen'
  return null
}

/** The verdict for one key event in the given mode (both keyDown and keyUp: the page sees neither half). */
export function keyPolicy(input: KeyInput, opts: KeyPolicyOptions): KeyVerdict {
  const reason = classifyKey(input)
  if (reason === null) return ALLOW
  if (reason === 'devtools') return opts.devTools ? ALLOW : { allow: false, reason }
  if (reason === 'reload' || opts.mode === 'kiosk') return { allow: false, reason }
  return ALLOW
}

/** Kiosk mode's verdict: nothing that closes, reloads, prints, zooms, navigates or inspects. */
export function kioskKeyPolicy(input: KeyInput, devTools = false): KeyVerdict {
  return keyPolicy(input, { mode: 'kiosk', devTools })
}
