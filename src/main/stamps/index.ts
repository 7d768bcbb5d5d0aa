/** The Stamps client service: what the outbox, bridge, host and IPC import. */
export {
  StampsClient,
  type AddOptions,
  type AddTransactionInput,
  type CancelByInvoiceInput,
  type BalanceUpdateInput,
  type ActivitiesInput,
  type GroupActivitiesInput,
  type MembershipInput,
  type PreviewEarningsInput,
  type StampsClientDeps
} from './stamps-client'
export { CircuitBreaker, BREAKER_DEFAULTS, type BreakerOptions, type BreakerState } from './circuit-breaker'
export { StampsError, errorFromAnswer, isDuplicateMessage, type StampsErrorKind } from './stamps-error'
export type { BalanceOutcome, ReconcileTicket } from './balance-reconcile'
export {
  stampsClientConfigSchema,
  type StampsClientConfig,
  type StampsClientConfigInput,
  type RetryPolicy,
  type Credential
} from './client-config'
export { fullJitterDelay } from './backoff'
export { asDomainError } from './stamps-domain-error'
export {
  CatalogueClient,
  type RewardsInput,
  type GroupRewardsInput,
  type GroupVouchersInput,
  type VoucherDetailsInput,
  type ValidateVoucherInput
} from './catalogue-client'
export {
  RedemptionClient,
  type RedeemRewardInput,
  type RedeemMultipleRewardsInput,
  type RedeemVoucherInput,
  type RedeemByVoucherCodeInput,
  type AuthorizeRedemptionInput
} from './redemption-client'
export { SaleV2Client, type V2AddTransactionInput, type AddWithRedemptionsInput } from './sale-v2-client'
export { RegistrationClient, type RegisterMemberInput, type PartialRegistrationInput } from './registration-client'
export {
  RedemptionReconciler,
  type RedemptionCalls,
  type ExpectedRedemption,
  type RedemptionOutcome,
  type RedemptionTicket
} from './redemption-reconcile'
