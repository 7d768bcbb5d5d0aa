/**
 * The bridge's rewards, redemptions, vouchers, v2 sales and sign-up pass-through: Stamps' own
 * answer (status and body) relayed. Redemptions spend stamps with no idempotency key: sent once,
 * never retried, refused while Stamps is unreachable (never queued), and an unanswered one is a
 * 504 telling a person to check the member's redemptions before repeating it.
 */
import { z } from 'zod'
import {
  addWithRedemptionsRequestSchema,
  authorizeRedemptionRequestSchema,
  cancelRedemptionRequestSchema,
  groupRewardsQuerySchema,
  groupVouchersQuerySchema,
  partialRegistrationRequestSchema,
  redeemByVoucherCodeRequestSchema,
  redeemMultipleRewardsRequestSchema,
  redeemRewardRequestSchema,
  redeemVoucherRequestSchema,
  registerMemberRequestSchema,
  rewardCodeSchema,
  rewardsQuerySchema,
  STAMPS_PATHS,
  tokenField,
  v2AddTransactionRequestSchema,
  validateVoucherQuerySchema,
  voucherDetailsQuerySchema
} from '../../shared/stamps'
import { Answer, type EndpointDef } from '../../platform/http/endpoint'
import { CatalogueClient, RedemptionClient, RegistrationClient, SaleV2Client, StampsError } from '../stamps'
import type { StampsClient } from '../stamps'
import { answerFromError, answerPassThrough, type BridgeAnswer } from './bridge-answers'

export const REDEMPTION_TEXT = {
  offline:
    "Stamps cannot be reached, so no stamps were spent: a redemption needs Stamps to confirm the member's balance and is never queued. Try again when the till is back online.",
  unknown:
    "Stamps did not confirm this redemption and it may or may not have been made. Check the member's redemptions before trying again."
} as const

/** A redemption's answer: Stamps' own, a 503 offline refusal, or a 504 when nobody can say. */
export async function answerRedemption(call: () => Promise<unknown>): Promise<BridgeAnswer> {
  try {
    return { status: 200, body: await call() }
  } catch (err) {
    if (err instanceof StampsError && err.ambiguous && err.status === 0)
      return { status: 504, body: { detail: REDEMPTION_TEXT.unknown, code: 'redemption-unknown' } }
    if (err instanceof StampsError && err.status === 0 && err.kind !== 'validation')
      return { status: 503, body: { detail: REDEMPTION_TEXT.offline, code: 'redemption-offline' } }
    return answerFromError(err)
  }
}

type Register = <S extends z.ZodType>(def: EndpointDef<S>) => void

/** Registers the pass-through endpoints on the bridge's app, with its credential rules. */
export function registerRewardsPassThrough(reg: Register, client: StampsClient): void {
  const catalogue = new CatalogueClient(client)
  const redemptions = new RedemptionClient(client)
  const sales = new SaleV2Client(client)
  const registration = new RegistrationClient(client)
  const asAnswer = (a: BridgeAnswer): Answer => new Answer(a.status, a.body, a.xml)
  const read = (call: () => Promise<unknown>) => answerPassThrough(call).then(asAnswer)
  const spend = (call: () => Promise<unknown>) => answerRedemption(call).then(asAnswer)

  reg({
    ...STAMPS_PATHS.rewards,
    schema: rewardsQuerySchema,
    errors: 'transaction',
    handle: (_m, q) => read(() => catalogue.rewards(q))
  })
  reg({
    ...STAMPS_PATHS.groupRewards,
    schema: groupRewardsQuerySchema,
    errors: 'transaction',
    handle: (_m, q) => read(() => catalogue.groupRewards(q))
  })
  reg({
    ...STAMPS_PATHS.reward,
    schema: z.object({ token: tokenField.optional(), code: rewardCodeSchema }),
    errors: 'coded',
    handle: (_m, q) => read(() => catalogue.reward(q.code))
  })
  const voucherReads = { errors: 'coded' } as const
  reg({
    ...STAMPS_PATHS.groupVouchers,
    ...voucherReads,
    schema: groupVouchersQuerySchema,
    handle: (_m, q) => read(() => catalogue.groupVouchers(q))
  })
  reg({
    ...STAMPS_PATHS.voucherDetails,
    ...voucherReads,
    schema: voucherDetailsQuerySchema,
    handle: (_m, q) => read(() => catalogue.voucherDetails(q))
  })
  reg({
    ...STAMPS_PATHS.validateVoucher,
    ...voucherReads,
    schema: validateVoucherQuerySchema,
    handle: (_m, q) => read(() => catalogue.validateVoucher(q))
  })

  const coded = { errors: 'coded', stringFields: ['user', 'invoice_number', 'request_id'] } as const
  reg({
    ...STAMPS_PATHS.redeemReward,
    ...coded,
    schema: redeemRewardRequestSchema,
    handle: (_m, r) => spend(() => redemptions.redeemReward(r))
  })
  reg({
    ...STAMPS_PATHS.redeemMultipleRewards,
    ...coded,
    schema: redeemMultipleRewardsRequestSchema,
    handle: (_m, r) => spend(() => redemptions.redeemMultipleRewards(r))
  })
  reg({
    ...STAMPS_PATHS.redeemVoucher,
    ...coded,
    schema: redeemVoucherRequestSchema,
    handle: (_m, r) => spend(() => redemptions.redeemVoucher(r))
  })
  reg({
    ...STAMPS_PATHS.redeemByVoucherCode,
    ...coded,
    schema: redeemByVoucherCodeRequestSchema,
    handle: (_m, r) => spend(() => redemptions.redeemByVoucherCode(r))
  })
  reg({
    ...STAMPS_PATHS.authorizeRedemption,
    ...coded,
    schema: authorizeRedemptionRequestSchema,
    handle: (_m, r) => read(() => redemptions.authorize(r))
  })
  // sent once: a POS that timed out must look before repeating, as for the balance cancel
  reg({
    ...STAMPS_PATHS.cancelRedemption,
    schema: cancelRedemptionRequestSchema,
    errors: 'bare-fields',
    handle: (_m, r) => read(() => redemptions.cancelRedemption(Number(r.id), r.create_replacement_voucher))
  })

  // v2 sales are not queued: the outbox holds the legacy sale form, so offline they are refused (503).
  const v2 = { errors: 'transaction', stringFields: ['token', 'user', 'invoice_number'] } as const
  reg({
    ...STAMPS_PATHS.addTransactionV2,
    ...v2,
    schema: v2AddTransactionRequestSchema,
    handle: (_m, s) => read(() => sales.addTransaction(s))
  })
  reg({
    ...STAMPS_PATHS.addWithRedemptions,
    ...v2,
    schema: addWithRedemptionsRequestSchema,
    handle: (_m, s) => spend(() => sales.addWithRedemptions(s))
  })

  reg({
    ...STAMPS_PATHS.register,
    schema: registerMemberRequestSchema,
    errors: 'coded',
    stringFields: ['mobile_number', 'member_id'],
    handle: (_m, r) => read(() => registration.register(r))
  })
  reg({
    ...STAMPS_PATHS.partialRegistration,
    schema: partialRegistrationRequestSchema,
    errors: 'coded',
    handle: (_m, r) => read(() => registration.registerPartial(r))
  })
}
