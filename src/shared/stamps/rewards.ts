/**
 * Wire schemas of the Reward API: a store's catalogue with the member's eligibility and vouchers
 * (GET /api/rewards/), one reward by code, and the merchant group's catalogue. Answers are read
 * loosely where the documents disagree with themselves (rewards-vouchers.md, section 7).
 */
import { z } from 'zod'
import { channelCode, drfBoolean, idNumber, tokenField, userIdentifier, wholeNumber } from './wire-values'

/** Reward type codes (there is no 2); redemption answers say `"type": "reward"` instead. */
export const REWARD_TYPE = { product: 1, benefit: 3, voucher: 4, flexible: 5 } as const

const pageSize = wholeNumber.pipe(z.number().int().min(1).max(1000))

/** GET /api/rewards/ */
export const rewardsQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier.optional(),
  merchant: idNumber,
  store: idNumber,
  only_redeemable_in_this_store: drfBoolean.optional(),
  include_inactive_vouchers: drfBoolean.optional(),
  channel: channelCode.optional(),
  last_reward_id: idNumber.optional(),
  last_voucher_id: idNumber.optional(),
  per_page: pageSize.optional()
})

/** One reward of a catalogue. `redeemable` is there only when `user` was sent; it follows level and store, not stamps. */
export const catalogueRewardSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  code: z.string().nullable(),
  stamps_to_redeem: z.number(),
  membership: z.string().nullable(),
  type: z.number(),
  description: z.string().nullable().optional(),
  image_url: z.string().nullable().optional(),
  landscape_url: z.string().nullable().optional(),
  price: z.number().nullable().optional(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional(),
  merchant_code: z.string().nullable().optional(),
  redeemable: z.boolean().optional(),
  is_visible: z.boolean().optional(),
  terms: z.string().nullable().optional()
})

/** A member's voucher as the catalogue lists it; `expires_on` is `DD-MM-YYYY HH:MM`. */
export const catalogueVoucherSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  type: z.string(),
  quantity: z.number(),
  expires_on: z.string(),
  image_url: z.string().nullable().optional(),
  landscape_url: z.string().nullable().optional(),
  terms: z.string().nullable().optional(),
  constraint: z.object({ channels: z.array(z.number()) }).optional(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional()
})

export const rewardsResponseSchema = z.object({
  rewards: z.array(catalogueRewardSchema),
  vouchers: z.array(catalogueVoucherSchema).optional(),
  customer: z.looseObject({ id: z.number(), stamps: z.number(), membership_status: z.string() }).nullable().optional()
})

/** GET /api/rewards/{code}: the example is the bare reward, not the table's `reward` wrapper. */
export const rewardDetailSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  stamps_to_redeem: z.number(),
  membership: z.string().nullable(),
  is_active: z.boolean(),
  description: z.string().optional(),
  picture_url: z.string().nullable().optional(),
  get_absolute_url: z.string().optional(),
  is_cross_promo: z.boolean().optional(),
  redemption_url: z.string().optional(),
  extra_data: z.record(z.string(), z.unknown()).nullable().optional(),
  available_at: z.array(z.string()).optional()
})

/** A reward code in a path: letters, digits and `-_.` only. */
export const rewardCodeSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)

/** GET /api/rewards/by-merchant-group */
export const groupRewardsQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier.optional(),
  channel: channelCode.optional(),
  type: wholeNumber.pipe(z.number().int().min(1).max(5)).optional(),
  last_reward_id: idNumber.optional(),
  per_page: pageSize.optional()
})

export const groupRewardsResponseSchema = z.object({ rewards: z.array(catalogueRewardSchema) })

export type RewardsQuery = z.infer<typeof rewardsQuerySchema>
export type CatalogueReward = z.infer<typeof catalogueRewardSchema>
export type CatalogueVoucher = z.infer<typeof catalogueVoucherSchema>
export type RewardsResponse = z.infer<typeof rewardsResponseSchema>
export type RewardDetail = z.infer<typeof rewardDetailSchema>
export type GroupRewardsQuery = z.infer<typeof groupRewardsQuerySchema>
export type GroupRewardsResponse = z.infer<typeof groupRewardsResponseSchema>
