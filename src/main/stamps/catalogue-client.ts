/** Typed client for the rewards catalogue and a member's vouchers: reads only, retried with backoff. */
import type { z } from 'zod'
import {
  groupRewardsQuerySchema,
  groupRewardsResponseSchema,
  groupVouchersQuerySchema,
  groupVouchersResponseSchema,
  rewardCodeSchema,
  rewardDetailSchema,
  rewardsQuerySchema,
  rewardsResponseSchema,
  validateVoucherQuerySchema,
  validateVoucherResponseSchema,
  voucherDetailsQuerySchema,
  voucherDetailsResponseSchema,
  type GroupRewardsResponse,
  type GroupVouchersResponse,
  type MemberVoucher,
  type RewardDetail,
  type RewardsResponse,
  type ValidateVoucherResponse
} from '../../shared/stamps'
import type { StampsClient } from './stamps-client'
import { checked, toQuery } from './wire-helpers'

export type RewardsInput = z.input<typeof rewardsQuerySchema>
export type GroupRewardsInput = z.input<typeof groupRewardsQuerySchema>
export type GroupVouchersInput = z.input<typeof groupVouchersQuerySchema>
export type VoucherDetailsInput = z.input<typeof voucherDetailsQuerySchema>
export type ValidateVoucherInput = z.input<typeof validateVoucherQuerySchema>

export class CatalogueClient {
  constructor(private readonly client: StampsClient) {}

  /** A store's rewards; with `user`, the member's level/store eligibility, stamps and vouchers too. */
  async rewards(query: RewardsInput): Promise<RewardsResponse> {
    const q = toQuery(checked(rewardsQuerySchema, query))
    return this.client.sendRetried('rewards', { query: q, schema: rewardsResponseSchema })
  }

  /** One of the merchant's rewards by code. */
  async reward(code: string): Promise<RewardDetail> {
    const c = checked(rewardCodeSchema, code)
    return this.client.sendRetried('reward', { params: { code: c }, schema: rewardDetailSchema })
  }

  async groupRewards(query: GroupRewardsInput = {}): Promise<GroupRewardsResponse> {
    const q = toQuery(checked(groupRewardsQuerySchema, query))
    return this.client.sendRetried('groupRewards', { query: q, schema: groupRewardsResponseSchema })
  }

  /** The member's usable vouchers across the merchant group ("My vouchers"). */
  async groupVouchers(query: GroupVouchersInput): Promise<GroupVouchersResponse> {
    const q = toQuery(checked(groupVouchersQuerySchema, query))
    return this.client.sendRetried('groupVouchers', { query: q, schema: groupVouchersResponseSchema })
  }

  async voucherDetails(query: VoucherDetailsInput): Promise<MemberVoucher> {
    const q = toQuery(checked(voucherDetailsQuerySchema, query))
    return this.client.sendRetried('voucherDetails', { query: q, schema: voucherDetailsResponseSchema })
  }

  /** Whether a code can be used at a store (and by `user`); a refusal is a 400 with its `errorCode`. */
  async validateVoucher(query: ValidateVoucherInput): Promise<ValidateVoucherResponse> {
    const q = toQuery(checked(validateVoucherQuerySchema, query))
    return this.client.sendRetried('validateVoucher', { query: q, schema: validateVoucherResponseSchema })
  }
}
