/** English catalogue: the same keys as Bahasa Indonesia, checked by the compiler part by part and as a whole. */
import type { id } from '../id'
import { adminEn } from './admin'
import { captureEn } from './capture'
import { deskEn } from './desk'
import { kioskEn } from './kiosk'
import { memberIdEn } from './member-id'
import { rewardsEn } from './rewards'
import { receiptEn } from './receipt'
import { tasksEn } from './tasks'
import { todayEn } from './today'

/** The parts one by one, so a test can check that no key is defined twice. */
export const enParts = [
  kioskEn,
  deskEn,
  tasksEn,
  adminEn,
  receiptEn,
  memberIdEn,
  todayEn,
  captureEn,
  rewardsEn
] as const

export const en = {
  ...kioskEn,
  ...deskEn,
  ...tasksEn,
  ...adminEn,
  ...receiptEn,
  ...memberIdEn,
  ...todayEn,
  ...captureEn,
  ...rewardsEn
} as const satisfies Record<keyof typeof id, string>
