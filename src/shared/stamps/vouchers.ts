/** Wire schemas of the Voucher API: a member's vouchers across the group, one by code, and validation at the till. */
import { z } from 'zod'
import { channelCode, drfText, idNumber, rupiah, tokenField, userIdentifier } from './wire-values'

/** Voucher template type codes. */
export const VOUCHER_TEMPLATE_TYPE = {
  crossPromotion: 1,
  regular: 2,
  promotion: 3,
  signup: 4,
  birthday: 5,
  referral: 6,
  pregenerated: 7,
  anniversary: 8
} as const

const imageSize = drfText({ maxLength: 20 })

/** GET /api/vouchers/by-merchant-group */
export const groupVouchersQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  image_size: imageSize.optional(),
  landscape_image_size: imageSize.optional(),
  channel: channelCode.optional()
})

export const voucherTemplateSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  type: z.number(),
  short_description: z.string().optional(),
  description: z.string().optional(),
  instructions: z.string().optional(),
  terms_and_conditions: z.string().optional(),
  picture_url: z.string().nullable().optional(),
  landscape_picture_url: z.string().nullable().optional(),
  merchant_id: z.number(),
  merchant_code: z.string().nullable().optional(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional()
})

/** A member's voucher: `start_date`/`end_date` are `YYYY-MM-DD`; `quantity` is uses left. */
export const memberVoucherSchema = z.looseObject({
  id: z.number(),
  code: z.string(),
  is_active: z.boolean(),
  quantity: z.number(),
  value: z.number().nullable(),
  notes: z.string().optional(),
  start_date: z.string(),
  end_date: z.string(),
  terms_and_conditions: z.string().optional(),
  constraint: z.object({ channels: z.array(z.number()) }),
  template: voucherTemplateSchema
})

export const groupVouchersResponseSchema = z.object({ vouchers: z.array(memberVoucherSchema) })

/** GET /api/vouchers/details: the example is the bare voucher, not the table's `voucher` wrapper. */
export const voucherDetailsQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  code: drfText({ maxLength: 64 }),
  image_size: imageSize.optional(),
  landscape_image_size: imageSize.optional()
})

export const voucherDetailsResponseSchema = memberVoucherSchema

/** GET /api/vouchers/validate: `merchant` is the merchant id (the table's "voucher template ID" is a slip). */
export const validateVoucherQuerySchema = z.object({
  token: tokenField.optional(),
  voucher_code: drfText({ maxLength: 64 }),
  merchant: idNumber,
  store: idNumber,
  user: userIdentifier.optional(),
  transaction_value: rupiah.pipe(z.number().nonnegative()).optional()
})

export const validateVoucherResponseSchema = z.object({
  is_redeemable: z.boolean(),
  user: z.looseObject({ email: z.string().nullable(), name: z.string(), phone: z.string().nullable() }),
  voucher: z.looseObject({
    id: z.number(),
    name: z.string(),
    value: z.number().nullable(),
    start_date: z.string(),
    end_date: z.string(),
    validity: z.string().optional(),
    extra_data: z.record(z.string(), z.unknown()).nullable().optional()
  })
})

export type GroupVouchersQuery = z.infer<typeof groupVouchersQuerySchema>
export type MemberVoucher = z.infer<typeof memberVoucherSchema>
export type GroupVouchersResponse = z.infer<typeof groupVouchersResponseSchema>
export type VoucherDetailsQuery = z.infer<typeof voucherDetailsQuerySchema>
export type ValidateVoucherQuery = z.infer<typeof validateVoucherQuerySchema>
export type ValidateVoucherResponse = z.infer<typeof validateVoucherResponseSchema>
