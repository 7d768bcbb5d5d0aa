/**
 * Wire schemas of the Activity API. Activities vary by type and new types appear without
 * notice, so the item schema is loose: known parts are typed, unknown keys pass through.
 */
import { z } from 'zod'
import { idNumber, tokenField, userIdentifier } from './wire-values'

/** Activity type codes from the Activity API's table. */
export const ACTIVITY_TYPE = {
  transaction: 0,
  redemption: 1,
  awardedStamps: 2,
  membershipUpgrade: 5,
  membershipDowngrade: 6,
  changeBalance: 7,
  surveySubmission: 8,
  completedRegistration: 9,
  deductStamps: 10,
  returnTransaction: 11,
  levelOverride: 12,
  mergedWithLegacy: 13,
  legacyActivated: 14,
  stampsExpired: 15,
  refundStamps: 16
} as const

/** Status codes of activity sub-objects. */
export const ACTIVITY_STATUS = { created: 1, canceled: 2, open: 3 } as const

/** Page size of both activity lists; a shorter page is the last (there is no `has_next`). */
export const ACTIVITY_PAGE_SIZE = 20

const merchantRef = z.object({ id: z.number(), name: z.string() })
const storeRef = z.object({ name: z.string(), display_name: z.string() })

export const activitySchema = z.looseObject({
  id: z.number(),
  type: z.number(),
  created: z.number().optional(),
  notes: z.string().optional(),
  merchant: merchantRef.optional(),
  store: storeRef.optional(),
  stamps: z.number().optional(),
  transaction: z
    .looseObject({
      stamps: z.number(),
      name: z.string(),
      status: z.number(),
      invoice_number: z.string(),
      channel: z.string()
    })
    .optional(),
  /** Type 1: `stamps` spent (0 for a voucher), the reward or voucher name, status 1 Created or 2 Canceled. */
  redemption: z
    .looseObject({ stamps: z.number(), name: z.string(), status: z.number(), channel: z.string().optional() })
    .optional(),
  balance_update: z
    .looseObject({
      transaction_number: z.string(),
      amount: z.number(),
      status: z.number(),
      balance_type: z.number()
    })
    .optional()
})

/** GET /api/v3/activities/ */
export const activitiesQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  older_than: idNumber.optional()
})

/** GET /api/v3/activities/by-merchant-group: `merchant_id` may repeat. */
export const groupActivitiesQuerySchema = activitiesQuerySchema.extend({
  merchant_id: z
    .preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(idNumber).max(100))
    .optional()
})

export const activitiesResponseSchema = z.object({ activities: z.array(activitySchema) })

export type Activity = z.infer<typeof activitySchema>
export type ActivitiesQuery = z.infer<typeof activitiesQuerySchema>
export type GroupActivitiesQuery = z.infer<typeof groupActivitiesQuerySchema>
export type ActivitiesResponse = z.infer<typeof activitiesResponseSchema>
