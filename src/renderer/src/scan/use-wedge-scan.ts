/** React hook: keyboard-wedge scans taken wherever focus is, never typed into a form field. */
import { useEffect, useRef } from 'react'
import { createWedgeKeyHandler } from './wedge-key-handler'
import type { WedgeOptions } from './wedge-detector'

export interface UseWedgeScanOptions extends Partial<WedgeOptions> {
  /** Off when main reads the scanner over HID (scanner spec other than `wedge`). */
  enabled?: boolean
}

/**
 * Installs a capture-phase keydown listener on window. Plain keys are held for up to `maxGapMs`
 * and then typed back into the focused field (see insertText); a fast burst ending in Enter goes
 * to `onScan` instead. Held keys reach the field as input events, not keydowns: field-level
 * onKeyDown handlers do not see printable keys while this hook is on.
 */
export function useWedgeScan(onScan: (text: string) => void, options: UseWedgeScanOptions = {}): void {
  const onScanRef = useRef(onScan)
  // The latest callback, without re-installing the listener (and dropping held keys) on each render.
  useEffect(() => {
    onScanRef.current = onScan
  })
  const { enabled = true, maxGapMs, minLength, suffixes } = options
  const suffixKey = suffixes?.join('\u0000')

  useEffect(() => {
    if (!enabled) return
    const handler = createWedgeKeyHandler(
      {
        onScan: (text) => onScanRef.current(text),
        insertText,
        now: () => performance.now(),
        setTimer: (ms, fn) => window.setTimeout(fn, ms),
        clearTimer: (h) => window.clearTimeout(h as number)
      },
      {
        ...(maxGapMs !== undefined ? { maxGapMs } : {}),
        ...(minLength !== undefined ? { minLength } : {}),
        ...(suffixKey !== undefined ? { suffixes: suffixKey.split('\u0000') } : {})
      }
    )
    const listener = (e: KeyboardEvent): void => handler.onKeyDown(e)
    window.addEventListener('keydown', listener, { capture: true })
    return () => {
      window.removeEventListener('keydown', listener, { capture: true })
      handler.dispose()
    }
  }, [enabled, maxGapMs, minLength, suffixKey])
}

/** Types released text into the focused field as if keyed: an input event React's onChange sees. */
function insertText(text: string): void {
  const el = document.activeElement
  if (!(el instanceof HTMLElement)) return
  const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
  if (!field && !el.isContentEditable) return
  // execCommand is deprecated but is the only call that keeps undo and fires beforeinput/input in Chromium.
  if (document.execCommand('insertText', false, text)) return
  if (!field) return
  const start = el.selectionStart ?? el.value.length
  const end = el.selectionEnd ?? el.value.length
  try {
    el.setRangeText(text, start, end, 'end')
  } catch {
    // type=email/number have no selection API: append through the prototype setter so React's
    // value tracker still sees a change and fires onChange.
    const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, el.value + text)
  }
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
}
