/** Wire schemas of the member lookup the kiosk uses: GET /api/v2/memberships/details. */
import { z } from 'zod'
import { idNumber, tokenField, userIdentifier } from './wire-values'

export const membershipQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  merchant: idNumber
})

export const membershipSchema = z.object({
  level: z.number().int(),
  level_text: z.string(),
  member_status: z.string(),
  stamps: z.number(),
  balance: z.number(),
  is_blocked: z.boolean(),
  start_date: z.string(),
  created: z.string(),
  primary_card: z.object({ number: z.string(), is_active: z.boolean() }).nullable()
})

export const memberUserSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  mobile_phone: z.string().nullable()
})

export const membershipResponseSchema = z.object({ membership: membershipSchema, user: memberUserSchema })

export type Membership = z.infer<typeof membershipSchema>
export type MemberUser = z.infer<typeof memberUserSchema>
export type MembershipResponse = z.infer<typeof membershipResponseSchema>
