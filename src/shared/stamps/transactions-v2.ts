/**
 * Wire schemas of the v2 sale calls: transactions/add (an empty `user` records an open sale with
 * no member) and add-with-redemptions (a sale and its reward and voucher redemptions in one call).
 */
import { z } from 'zod'
import { redemptionMembershipSchema, redemptionSchema } from './redemptions'
import { memberVoucherSchema } from './vouchers'
import {
  channelCode,
  drfBoolean,
  drfText,
  extraData,
  idNumber,
  isoDateTime,
  rupiah,
  tokenField,
  wholeNumber
} from './wire-values'

const money = rupiah.pipe(z.number().nonnegative())

/** One item; `subtotal` and `price` both mean quantity x unit price here. */
export const v2SaleItemSchema = z.object({
  product_name: drfText({ maxLength: 255 }),
  quantity: wholeNumber.pipe(z.number().int().positive()),
  subtotal: money.optional(),
  price: money.optional(),
  stamps_subtotal: wholeNumber.pipe(z.number().int().nonnegative()).optional(),
  eligible_for_stamps: drfBoolean.optional(),
  extra_data: extraData.optional()
})

export const v2PaymentSchema = z.object({
  value: money,
  payment_method: drfText({ maxLength: 64 }),
  eligible_for_membership: drfBoolean.optional()
})

/** Sale types: 1 Delivery, 2 Dine-in, 3 Take out, 4 E-Commerce, 5 Pickup. */
export const v2AddTransactionRequestSchema = z.object({
  token: tokenField.optional(),
  user: drfText({ maxLength: 254, allowBlank: true }).optional(),
  store: idNumber,
  invoice_number: drfText({ maxLength: 100 }),
  total_value: money,
  number_of_people: wholeNumber.pipe(z.number().int().nonnegative()),
  created: isoDateTime,
  sub_total: money.optional(),
  discount: money.optional(),
  service_charge: money.optional(),
  tax: money.optional(),
  channel: channelCode.optional(),
  type: wholeNumber.pipe(z.number().int().min(1).max(5)).optional(),
  items: z.array(v2SaleItemSchema).max(500).optional(),
  payments: z.array(v2PaymentSchema).max(50).optional(),
  stamps: wholeNumber.pipe(z.number().int().nonnegative()).optional(),
  require_email_notification: drfBoolean.optional(),
  employee_code: drfText({ maxLength: 64 }).optional(),
  extra_data: extraData.optional()
})

export const v2TransactionSchema = z.looseObject({
  stamps_earned: z.number(),
  id: z.number(),
  value: z.number(),
  number_of_people: z.number().optional(),
  discount: z.number().optional()
})

/** Its answer; `customer` is null for an open sale (no member to report). */
export const v2AddTransactionResponseSchema = z.object({
  customer: z
    .looseObject({
      status: z.string(),
      balance: z.number(),
      mobile_phone: z.string().nullable(),
      id: z.number(),
      stamps_remaining: z.number()
    })
    .nullable(),
  transaction: v2TransactionSchema
})

/** `reward` is the id (1) or the code ("REWARD1"); `stamps` only for a flexible reward. */
export const rewardRedemptionEntrySchema = z.object({
  request_id: drfText({ maxLength: 100 }).optional(),
  reward: z.union([z.number().int().nonnegative(), drfText({ maxLength: 64 })]),
  stamps: wholeNumber.pipe(z.number().int().min(1)).optional()
})

/** Vouchers here go by code, unlike redeem-voucher. */
export const voucherRedemptionEntrySchema = z.object({
  request_id: drfText({ maxLength: 100 }).optional(),
  voucher_code: drfText({ maxLength: 64 })
})

export const addWithRedemptionsRequestSchema = v2AddTransactionRequestSchema.extend({
  reward_redemptions: z.array(rewardRedemptionEntrySchema).max(50).optional(),
  voucher_redemptions: z.array(voucherRedemptionEntrySchema).max(50).optional(),
  issue_voucher: z.object({ template_id: idNumber, value: money.optional() }).optional()
})

/**
 * Its answer. The documents list no redemption ids, so nothing could be cancelled one by one;
 * the sandbox adds `redemptions` (id, reward, stamps_used, in request order) for that.
 */
export const addWithRedemptionsResponseSchema = z.object({
  membership: redemptionMembershipSchema,
  transaction: v2TransactionSchema,
  issued_voucher: memberVoucherSchema.optional(),
  redemptions: z.array(redemptionSchema).optional()
})

export type V2AddTransactionRequest = z.infer<typeof v2AddTransactionRequestSchema>
export type V2AddTransactionResponse = z.infer<typeof v2AddTransactionResponseSchema>
export type AddWithRedemptionsRequest = z.infer<typeof addWithRedemptionsRequestSchema>
export type AddWithRedemptionsResponse = z.infer<typeof addWithRedemptionsResponseSchema>
