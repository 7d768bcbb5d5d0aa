/** Glue between WedgeDetector and a keydown listener: swallow, release held text, fire scans, run the idle timer. */
import { WedgeDetector, type WedgeKey, type WedgeOptions } from './wedge-detector'

/** A keydown event as the listener sees it; plain objects in tests. */
export interface WedgeKeyEvent extends WedgeKey {
  preventDefault(): void
  stopPropagation(): void
}

export interface WedgeDeps {
  onScan(text: string): void
  /** Puts released text where the keys would have gone (the focused field). */
  insertText(text: string): void
  now(): number
  setTimer(ms: number, fn: () => void): unknown
  clearTimer(handle: unknown): void
}

export interface WedgeKeyHandler {
  onKeyDown(event: WedgeKeyEvent): void
  /** Stops the timer and releases anything still held. */
  dispose(): void
}

export function createWedgeKeyHandler(deps: WedgeDeps, options: Partial<WedgeOptions> = {}): WedgeKeyHandler {
  const detector = new WedgeDetector(options)
  let timer: unknown

  const reschedule = (): void => {
    if (timer !== undefined) deps.clearTimer(timer)
    timer = undefined
    const deadline = detector.deadline()
    if (deadline === null) return
    timer = deps.setTimer(Math.max(0, deadline - deps.now()), () => {
      timer = undefined
      const text = detector.idle(deps.now())
      if (text) deps.insertText(text)
      reschedule()
    })
  }

  return {
    onKeyDown(event) {
      const d = detector.key(event)
      if (d.release) deps.insertText(d.release)
      if (d.swallow) {
        // Capture phase on window: stopping here keeps the key from every field and React handler.
        event.preventDefault()
        event.stopPropagation()
      }
      if (d.scan !== undefined) deps.onScan(d.scan)
      reschedule()
    },
    dispose() {
      if (timer !== undefined) deps.clearTimer(timer)
      timer = undefined
      const text = detector.drain()
      if (text) deps.insertText(text)
    }
  }
}
