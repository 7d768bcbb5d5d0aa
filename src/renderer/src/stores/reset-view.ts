/** Resets every slice the screens render from: what the app starts with after a failed render. */
import { resetAdminStore } from './admin-store'
import { useLanguageStore } from './language-store'
import { resetPrinterAdminStore } from './printer-admin-store'
import { resetDeskStores } from './reset-desk'
import { resetSessionStore } from './session-store'
import { resetStatusStore } from './status-store'

/**
 * Drops what the failed tree may have choked on; the new tree loads it again from main (status,
 * PIN session, queue). Main holds everything that matters (sales, queue, session), so nothing is
 * lost but a half-typed form. The language returns to the kiosk's, as for a new visitor.
 */
export function resetViewState(): void {
  resetStatusStore()
  resetSessionStore()
  resetDeskStores()
  resetAdminStore()
  resetPrinterAdminStore()
  useLanguageStore.getState().resetToDefault()
}
