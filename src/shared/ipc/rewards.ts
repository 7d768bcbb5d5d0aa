/**
 * Rewards domain: what a member at the kiosk can spend their stamps on, redeeming one, their
 * vouchers, and joining by phone number.
 *
 * Money hazard: redemptions carry no idempotency key upstream. `requestId` is the screen's key
 * for one confirmed redemption (one per confirm step): a repeat with the same id gets the first
 * answer and never a second redemption. An ambiguous failure is reconciled against the member's
 * type 1 activities, never resent; what that cannot decide is `unknown` and goes to a person.
 */
import { z } from 'zod'
import { channel } from './contract'
import { memberViewSchema } from './members'

const user = z.string().trim().min(1).max(254)
const requestId = z.string().min(8).max(64)

/** Why a reward cannot be had yet: too few stamps, the member's level, or not at this store. */
export const rewardLockSchema = z.enum(['stamps', 'level', 'store'])
export type RewardLock = z.infer<typeof rewardLockSchema>

export const rewardViewSchema = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  stamps: z.number(),
  /** The lowest level the reward is for (Stamps' name for it), null when any. */
  level: z.string().nullable(),
  /** Null: the member can redeem it now. */
  lockedBy: rewardLockSchema.nullable(),
  /** Stamps still to collect (0 when enough). */
  stampsShort: z.number()
})
export type RewardView = z.infer<typeof rewardViewSchema>

export const voucherViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  /** When it stops being usable, as Stamps says it (`DD-MM-YYYY HH:MM` or ISO); null when never. */
  expiresOn: z.string().nullable()
})
export type VoucherView = z.infer<typeof voucherViewSchema>

export const rewardListSchema = z.object({
  user: z.string(),
  stamps: z.number(),
  level: z.string(),
  rewards: z.array(rewardViewSchema)
})
export type RewardList = z.infer<typeof rewardListSchema>

/**
 * Reason codes of a refused redemption (translated on screen as `rewards.refused.<code>`):
 * `offline` Stamps cannot be reached, so nothing was spent; `pin-required` ask for the member PIN
 * and confirm again; the rest are Stamps' refusals.
 */
export const redeemRefusalSchema = z.enum([
  'offline',
  'stamps',
  'level',
  'store',
  'pin-required',
  'invalid-pin',
  'pin-blocked',
  'not-found',
  'other'
])
export type RedeemRefusal = z.infer<typeof redeemRefusalSchema>

export const redeemOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('redeemed'),
    rewardName: z.string(),
    /** What the cashier is shown (a voucher code, or the redemption's number). */
    code: z.string(),
    /** The member's stamps after; null when Stamps could not say. */
    stamps: z.number().nullable(),
    redemptionId: z.number().nullable(),
    reconciled: z.boolean(),
    slipJobId: z.number().int().nullable()
  }),
  z.object({ outcome: z.literal('refused'), reason: redeemRefusalSchema, message: z.string() }),
  /** Stamps may or may not have redeemed it: a person checks; never redeem again on a guess. */
  z.object({ outcome: z.literal('unknown'), ticketId: z.string(), rewardName: z.string(), reason: z.string() })
])
export type RedeemOutcome = z.infer<typeof redeemOutcomeSchema>

export const rewardChannels = {
  /** The store's rewards for the scanned member, with progress and why each locked one is locked. */
  'rewards:list': channel({ request: z.object({ user }).strict(), response: rewardListSchema, kiosk: true }),
  /** Redeems one reward once per requestId; `pin` when the merchant asked for the member PIN. */
  'rewards:redeem': channel({
    request: z
      .object({
        requestId,
        user,
        rewardId: z.number().int().positive(),
        pin: z
          .string()
          .regex(/^\d{6}$/)
          .optional()
      })
      .strict(),
    response: redeemOutcomeSchema,
    kiosk: true
  }),
  /** The member's usable vouchers across the merchant group ("My vouchers"). */
  'rewards:vouchers': channel({
    request: z.object({ user }).strict(),
    response: z.object({ vouchers: z.array(voucherViewSchema) }),
    kiosk: true
  }),
  /** Joins a new member from a phone number; answers the member as a scan would. */
  'rewards:join': channel({
    request: z
      .object({
        phone: z.string().regex(/^\+?\d{8,15}$/)
      })
      .strict(),
    response: memberViewSchema,
    kiosk: true
  }),
  /** Asks the member's history again about an `unknown` redemption (a cashier's step). Never resends. */
  'rewards:reconcile': channel({
    request: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    response: redeemOutcomeSchema,
    session: 'cashier'
  })
} as const
