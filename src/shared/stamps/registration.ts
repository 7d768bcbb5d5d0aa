/** Wire schemas of sign-up: the full v2 registration and the v3 partial registration (email or phone only). */
import { z } from 'zod'
import { calendarDate, drfBoolean, drfText, idNumber, tokenField, userIdentifier, wholeNumber } from './wire-values'

const pin = z
  .union([z.string(), z.number().transform(String)])
  .pipe(z.string().regex(/^\d{6}$/, 'Ensure this field has exactly 6 digits.'))

/** POST /api/v2/memberships/register: name, email and mobile number required since 2025-11-03. */
export const registerMemberRequestSchema = z.object({
  token: tokenField.optional(),
  name: drfText({ maxLength: 100 }),
  email: drfText({ maxLength: 254 }).pipe(z.email({ message: 'Enter a valid email address.' })),
  mobile_number: drfText({ maxLength: 30 }),
  birthday: calendarDate.optional(),
  gender: z.enum(['male', 'female']).optional(),
  store: idNumber.optional(),
  member_id: drfText({ maxLength: 64 }).optional(),
  address: drfText({ maxLength: 255, allowBlank: true }).optional(),
  postal_code: drfText({ maxLength: 20, allowBlank: true }).optional(),
  registration_method: wholeNumber.optional(),
  registering_employee_code: drfText({ maxLength: 64 }).optional(),
  generate_default_password: drfBoolean.optional(),
  pin: pin.optional(),
  confirm_pin: pin.optional(),
  /** Not in the table since 2023-09-22, still in the cURL example: taken and ignored. */
  merchant: idNumber.optional()
})

/** POST /api/v3/memberships/partial-registration */
export const partialRegistrationRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  send_registration_message: drfBoolean.optional(),
  registering_employee_code: drfText({ maxLength: 64 }).optional()
})

const primaryCardSchema = z
  .looseObject({ number: z.string(), is_active: z.boolean(), id: z.number().optional() })
  .nullable()

/** The membership of a new member. */
export const newMembershipSchema = z.looseObject({
  level: z.number(),
  level_text: z.string(),
  stamps: z.number(),
  balance: z.number(),
  status: z.union([z.number(), z.string()]).optional(),
  status_text: z.string().optional(),
  member_status: z.string().optional(),
  is_blocked: z.boolean(),
  referral_code: z.string().nullable().optional(),
  start_date: z.string(),
  created: z.string(),
  primary_card: primaryCardSchema.optional()
})

/** The register answer: the bare user (id as a string, as documented) with its membership. */
export const registerMemberResponseSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  gender: z.string().nullable().optional(),
  birthday: z.string().nullable().optional(),
  registration_status: z.string().optional(),
  has_pin: z.boolean().optional(),
  membership: newMembershipSchema
})

export const partialRegistrationResponseSchema = z.object({
  membership: newMembershipSchema,
  user: z.looseObject({
    id: z.number(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    member_ids: z.array(z.string()).optional(),
    primary_membership_id: z.number().optional()
  })
})

export type RegisterMemberRequest = z.infer<typeof registerMemberRequestSchema>
export type RegisterMemberResponse = z.infer<typeof registerMemberResponseSchema>
export type PartialRegistrationRequest = z.infer<typeof partialRegistrationRequestSchema>
export type PartialRegistrationResponse = z.infer<typeof partialRegistrationResponseSchema>
