/**
 * Wire schemas of the Redemption API: redeem a reward or several, redeem a voucher by id or by
 * code, cancel, and the member-PIN authorization. Money hazard: none of these calls carries an
 * idempotency key (`request_id` is for PIN authorization only), so a client never retries a
 * redemption blindly.
 */
import { z } from 'zod'
import {
  channelCode,
  drfBoolean,
  drfText,
  extraData,
  idNumber,
  tokenField,
  userIdentifier,
  wholeNumber
} from './wire-values'

const quantity = wholeNumber.pipe(z.number().int().min(1).max(100))
const stampsField = wholeNumber.pipe(z.number().int().min(1))
const requestId = drfText({ maxLength: 100 })
const invoiceNumber = drfText({ maxLength: 100 })

/** POST /api/v2/redemptions/redeem-reward: `reward` is the reward's id; `stamps` only for flexible rewards. */
export const redeemRewardRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  reward: idNumber,
  store: idNumber,
  invoice_number: invoiceNumber.optional(),
  channel: channelCode.optional(),
  stamps: stampsField.optional(),
  extra_data: extraData.optional(),
  qty: quantity.optional(),
  request_id: requestId.optional()
})

/**
 * A membership in redemption answers. The documents disagree on its level fields (`status` is a
 * level number in some, "Active" in others): only `stamps` is required.
 */
export const redemptionMembershipSchema = z.looseObject({
  stamps: z.number(),
  status: z.union([z.number(), z.string()]).optional(),
  status_text: z.string().optional(),
  level: z.number().optional(),
  level_text: z.string().optional(),
  balance: z.number().optional(),
  tags: z.array(z.unknown()).optional(),
  is_blocked: z.boolean().optional(),
  referral_code: z.string().nullable().optional(),
  start_date: z.string().optional(),
  created: z.string().optional()
})

export const redemptionSchema = z.looseObject({
  id: z.number(),
  reward: z.string(),
  stamps_used: z.number(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional()
})

export const redeemedRewardSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  stamps_to_redeem: z.number(),
  code: z.string().nullable(),
  type: z.string(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional()
})

/** The voucher a reward issued, with the instructions a member shows at the counter. */
export const issuedVoucherSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  is_active: z.boolean(),
  start_date: z.string(),
  end_date: z.string(),
  value: z.number().nullable().optional(),
  picture_url: z.string().nullable().optional(),
  short_description: z.string().optional(),
  description: z.string().optional(),
  instructions: z.string().optional(),
  terms_and_conditions: z.string().optional()
})

export const redeemRewardResponseSchema = z.object({
  redemption: redemptionSchema,
  membership: redemptionMembershipSchema,
  reward: redeemedRewardSchema,
  voucher: issuedVoucherSchema.optional()
})

/** POST /api/v2/redemptions/redeem-multiple-rewards: `code` is the reward's code (the example sends an integer). */
export const redeemMultipleRewardsRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  store: idNumber,
  rewards: z
    .array(
      z.object({
        code: drfText({ maxLength: 64 }),
        qty: quantity.optional(),
        stamps: stampsField.optional(),
        request_id: requestId.optional()
      })
    )
    .min(1)
    .max(50),
  invoice_number: invoiceNumber.optional(),
  channel: channelCode.optional(),
  request_id: requestId.optional()
})

/**
 * Its answer: the documents show one `redemption` (the first) and a `membership`; for several
 * rewards the real shape is not shown, so the sandbox adds `redemptions`, every one in order.
 * The example's redemption repeats the key `reward` (name and object), which JSON cannot hold:
 * the sandbox keeps the name in `reward` and puts the object in `reward_detail`, with `voucher`
 * when the reward issued one.
 */
export const redeemMultipleRewardsResponseSchema = z.object({
  redemption: redemptionSchema,
  redemptions: z.array(redemptionSchema).optional(),
  membership: redemptionMembershipSchema
})

/** POST /api/redemptions/cancel */
export const cancelRedemptionRequestSchema = z.object({
  token: tokenField.optional(),
  id: idNumber,
  create_replacement_voucher: drfBoolean.optional()
})

/** Its answer keeps the older `customer` shape. */
export const cancelRedemptionResponseSchema = z.object({
  redemption: z.object({ id: z.number(), status: z.literal('Canceled') }),
  customer: z.looseObject({ status: z.string(), id: z.number(), stamps_remaining: z.number() })
})

/** POST /api/redemptions/authorize: the member's 6-digit PIN for `request_id`, valid `timeout` seconds. */
export const authorizeRedemptionRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  pin: z
    .union([z.string(), z.number().transform(String)])
    .pipe(z.string().regex(/^\d{6}$/, 'Ensure this field has exactly 6 digits.')),
  request_id: requestId,
  timeout: wholeNumber.pipe(z.number().int().min(1).max(86_400))
})

export const authorizeRedemptionResponseSchema = z.object({ status: z.literal('ok') })

/** POST /api/v2/redemptions/redeem-voucher: `voucher` is the voucher's id, not its code. */
export const redeemVoucherRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  voucher: idNumber,
  store: idNumber,
  invoice_number: invoiceNumber.optional(),
  channel: channelCode.optional(),
  request_id: requestId.optional(),
  extra_data: extraData.optional()
})

export const redeemVoucherResponseSchema = z.object({
  redemption: redemptionSchema,
  membership: redemptionMembershipSchema,
  voucher: z.looseObject({ id: z.number(), name: z.string(), code: z.string(), type: z.string() })
})

/** POST /api/redemptions/by-voucher-code: the table says `identifier`, the cURL line `user`; either is taken. */
export const redeemByVoucherCodeRequestSchema = z.object({
  token: tokenField.optional(),
  identifier: userIdentifier.optional(),
  user: userIdentifier.optional(),
  voucher_code: drfText({ maxLength: 64 }),
  voucher_template: idNumber,
  store: idNumber
})

export const redeemByVoucherCodeResponseSchema = z.object({
  redemption: z.object({ id: z.number(), status: z.string() }),
  customer: z.looseObject({ id: z.number(), status: z.string(), stamps_remaining: z.number() })
})

export type RedeemRewardRequest = z.infer<typeof redeemRewardRequestSchema>
export type RedeemRewardResponse = z.infer<typeof redeemRewardResponseSchema>
export type RedemptionMembership = z.infer<typeof redemptionMembershipSchema>
export type Redemption = z.infer<typeof redemptionSchema>
export type IssuedVoucher = z.infer<typeof issuedVoucherSchema>
export type RedeemMultipleRewardsRequest = z.infer<typeof redeemMultipleRewardsRequestSchema>
export type RedeemMultipleRewardsResponse = z.infer<typeof redeemMultipleRewardsResponseSchema>
export type CancelRedemptionRequest = z.infer<typeof cancelRedemptionRequestSchema>
export type CancelRedemptionResponse = z.infer<typeof cancelRedemptionResponseSchema>
export type AuthorizeRedemptionRequest = z.infer<typeof authorizeRedemptionRequestSchema>
export type RedeemVoucherRequest = z.infer<typeof redeemVoucherRequestSchema>
export type RedeemVoucherResponse = z.infer<typeof redeemVoucherResponseSchema>
export type RedeemByVoucherCodeRequest = z.infer<typeof redeemByVoucherCodeRequestSchema>
export type RedeemByVoucherCodeResponse = z.infer<typeof redeemByVoucherCodeResponseSchema>
