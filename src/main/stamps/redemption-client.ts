/**
 * Typed client for redemptions: rewards, vouchers, cancel and the member-PIN authorization.
 * Money hazard: the API gives redemptions no idempotency key, so nothing here is ever retried.
 * After an ambiguous failure (`err.ambiguous`), the caller reconciles against the member's
 * type 1 activities and stamps, and asks a person when that cannot decide.
 */
import type { z } from 'zod'
import {
  authorizeRedemptionRequestSchema,
  authorizeRedemptionResponseSchema,
  cancelRedemptionRequestSchema,
  cancelRedemptionResponseSchema,
  redeemByVoucherCodeRequestSchema,
  redeemByVoucherCodeResponseSchema,
  redeemMultipleRewardsRequestSchema,
  redeemMultipleRewardsResponseSchema,
  redeemRewardRequestSchema,
  redeemRewardResponseSchema,
  redeemVoucherRequestSchema,
  redeemVoucherResponseSchema,
  type CancelRedemptionResponse,
  type RedeemByVoucherCodeResponse,
  type RedeemMultipleRewardsResponse,
  type RedeemRewardResponse,
  type RedeemVoucherResponse
} from '../../shared/stamps'
import type { StampsClient } from './stamps-client'
import { checked } from './wire-helpers'

export type RedeemRewardInput = z.input<typeof redeemRewardRequestSchema>
export type RedeemMultipleRewardsInput = z.input<typeof redeemMultipleRewardsRequestSchema>
export type RedeemVoucherInput = z.input<typeof redeemVoucherRequestSchema>
export type RedeemByVoucherCodeInput = z.input<typeof redeemByVoucherCodeRequestSchema>
export type AuthorizeRedemptionInput = z.input<typeof authorizeRedemptionRequestSchema>

/** The request body without the body `token` (the client sends its credential in a header). */
function bodyOf<S extends z.ZodType>(schema: S, input: unknown): Record<string, unknown> {
  const { token: _token, ...body } = checked(schema, input) as Record<string, unknown>
  return body
}

export class RedemptionClient {
  constructor(private readonly client: StampsClient) {}

  /** Spends stamps on one reward. Sent once: never retried. */
  async redeemReward(request: RedeemRewardInput): Promise<RedeemRewardResponse> {
    const body = bodyOf(redeemRewardRequestSchema, request)
    return this.client.sendOnce('redeemReward', { body, schema: redeemRewardResponseSchema })
  }

  /** Several rewards in one call (all or nothing at the sandbox). Sent once. */
  async redeemMultipleRewards(request: RedeemMultipleRewardsInput): Promise<RedeemMultipleRewardsResponse> {
    const body = bodyOf(redeemMultipleRewardsRequestSchema, request)
    return this.client.sendOnce('redeemMultipleRewards', { body, schema: redeemMultipleRewardsResponseSchema })
  }

  /** Uses a member's voucher by its id. Sent once. */
  async redeemVoucher(request: RedeemVoucherInput): Promise<RedeemVoucherResponse> {
    const body = bodyOf(redeemVoucherRequestSchema, request)
    return this.client.sendOnce('redeemVoucher', { body, schema: redeemVoucherResponseSchema })
  }

  /** Uses a voucher by its code and template. Sent once. */
  async redeemByVoucherCode(request: RedeemByVoucherCodeInput): Promise<RedeemByVoucherCodeResponse> {
    const body = bodyOf(redeemByVoucherCodeRequestSchema, request)
    return this.client.sendOnce('redeemByVoucherCode', { body, schema: redeemByVoucherCodeResponseSchema })
  }

  /** Undoes a redemption by its id. Not retried: a repeat would read "already canceled" as an error. */
  async cancelRedemption(id: number, createReplacementVoucher?: boolean): Promise<CancelRedemptionResponse> {
    const body = bodyOf(cancelRedemptionRequestSchema, {
      id,
      ...(createReplacementVoucher !== undefined && { create_replacement_voucher: createReplacementVoucher })
    })
    return this.client.sendOnce('cancelRedemption', { body, schema: cancelRedemptionResponseSchema })
  }

  /** Records the member's PIN for `request_id`; a wrong PIN is a 400 with errorCode `invalid_pin`. Not retried. */
  async authorize(request: AuthorizeRedemptionInput): Promise<{ status: 'ok' }> {
    const body = bodyOf(authorizeRedemptionRequestSchema, request)
    return this.client.sendOnce('authorizeRedemption', { body, schema: authorizeRedemptionResponseSchema })
  }
}
