/**
 * Recovery reloads of this tab: planned with the times of earlier ones (kept in sessionStorage,
 * which survives a reload), recorded, then done. Storage that cannot be read or written (quota,
 * privacy settings) only loses the back-off, never the reload.
 */
import { appendTime, parseTimes, planReload, RECOVERY } from './recovery-plan'

const KEY = 'stamps-kiosk:recovery-reloads'

/** Times of this tab's recent recovery reloads. */
export function recoveryReloads(): number[] {
  try {
    return parseTimes(sessionStorage.getItem(KEY))
  } catch {
    return []
  }
}

/** Records this reload and reloads the page. */
export function reloadPage(): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(appendTime(recoveryReloads(), Date.now(), RECOVERY.reloadWindowMs)))
  } catch {
    /* the reload matters more than its record */
  }
  location.reload()
}

let scheduled = false

/** The last resort when even the error boundary failed: reload after the backed-off wait, once. */
export function reloadSoon(reason: unknown): void {
  if (scheduled) return
  scheduled = true
  const { delayMs } = planReload(recoveryReloads(), Date.now())
  console.error(`renderer: the app could not render at all; reloading in ${delayMs} ms`, reason)
  setTimeout(reloadPage, delayMs)
}
