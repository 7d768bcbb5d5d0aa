/** Bahasa Indonesia, the reference catalogue: its keys are the key set every other language must match. */
import { adminId } from './admin'
import { deskId } from './desk'
import { kioskId } from './kiosk'
import { memberIdId } from './member-id'
import { receiptId } from './receipt'
import { tasksId } from './tasks'

export const id = {
  ...kioskId,
  ...deskId,
  ...tasksId,
  ...adminId,
  ...receiptId,
  ...memberIdId
} as const
