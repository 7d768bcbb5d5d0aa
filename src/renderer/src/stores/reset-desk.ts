/** Resets every desk slice: a new member starts clean, and each test starts from a fresh page. */
import { resetAuthStore } from './auth-store'
import { resetBalanceStore } from './balance-store'
import { resetCancelStore } from './cancel-store'
import { resetDeskMemberStore } from './desk-member-store'
import { resetHistoryStore } from './history-store'
import { resetQueueStore } from './queue-store'
import { resetSaleStore } from './sale-store'
import { resetTodayStore } from './today-store'

/** The member's tasks: sale form (new invoice), balance, cancel and history. */
export function resetDeskTasks(): void {
  resetSaleStore()
  resetBalanceStore()
  resetCancelStore()
  resetHistoryStore()
}

/** Test hook: everything the desk holds, as on a fresh page. */
export function resetDeskStores(): void {
  resetDeskTasks()
  resetDeskMemberStore()
  resetQueueStore()
  resetTodayStore()
  resetAuthStore()
}
