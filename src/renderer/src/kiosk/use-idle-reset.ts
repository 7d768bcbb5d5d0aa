/**
 * Idle timeout: after `seconds` without a touch, click or key while a visitor's data is on
 * screen, the session is reset (member data dropped from memory and screen) and the kiosk
 * returns to the attract screen in its own language.
 */
import { useEffect } from 'react'

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/** Runs `onIdle` after `seconds` of no input while `active`; any input restarts the count. */
export function useIdleReset(active: boolean, seconds: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active || seconds <= 0) return
    let timer = setTimeout(onIdle, seconds * 1000)
    const restart = (): void => {
      clearTimeout(timer)
      timer = setTimeout(onIdle, seconds * 1000)
    }
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, restart, { capture: true, passive: true }))
    return () => {
      clearTimeout(timer)
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, restart, { capture: true }))
    }
  }, [active, seconds, onIdle])
}
