/** English catalogue: the same keys as Bahasa Indonesia, checked by the compiler part by part and as a whole. */
import type { id } from '../id'
import { adminEn } from './admin'
import { deskEn } from './desk'
import { kioskEn } from './kiosk'
import { memberIdEn } from './member-id'
import { receiptEn } from './receipt'
import { tasksEn } from './tasks'

export const en = {
  ...kioskEn,
  ...deskEn,
  ...tasksEn,
  ...adminEn,
  ...receiptEn,
  ...memberIdEn
} as const satisfies Record<keyof typeof id, string>
