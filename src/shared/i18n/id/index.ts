/** Bahasa Indonesia, the reference catalogue: its keys are the key set every other language must match. */
import { adminId } from './admin'
import { captureId } from './capture'
import { deskId } from './desk'
import { kioskId } from './kiosk'
import { memberIdId } from './member-id'
import { rewardsId } from './rewards'
import { receiptId } from './receipt'
import { tasksId } from './tasks'
import { todayId } from './today'

/** The parts one by one, so a test can check that no key is defined twice. */
export const idParts = [
  kioskId,
  deskId,
  tasksId,
  adminId,
  receiptId,
  memberIdId,
  todayId,
  captureId,
  rewardsId
] as const

export const id = {
  ...kioskId,
  ...deskId,
  ...tasksId,
  ...adminId,
  ...receiptId,
  ...memberIdId,
  ...todayId,
  ...captureId,
  ...rewardsId
} as const
