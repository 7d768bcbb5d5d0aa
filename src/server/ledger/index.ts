/** The ledger: plain functions, each ledger change one SQLite transaction. The sandbox's heart. */
export { LedgerError, LEDGER_TEXT, type LedgerErrorKind } from './ledger-error'
export { addTransaction, previewEarnings } from './transactions'
export { cancelTransaction, cancelTransactionByInvoice } from './transaction-cancel'
export { creditBalance, debitBalance, cancelBalanceUpdate, type BalanceChange } from './balances'
export { memberActivities, groupActivities, type FeedQuery } from './activity-feed'
export { activitiesJson, activityObjects, writeActivity, type ActivityRow } from './activities'
export {
  findMember,
  registerMember,
  membershipDetails,
  normaliseMobile,
  type MemberRow,
  type Registration
} from './members'
export {
  ensureMerchant,
  configureMerchant,
  getMerchant,
  getStore,
  merchantForKey,
  DEFAULT_LEVELS,
  DEFAULT_STAMPS_PER_VALUE,
  type MerchantSpec,
  type LevelRule,
  type MerchantRow,
  type StoreRow
} from './merchants'
export { toCents, fromCents, stampsFor } from './money'
export {
  configureReward,
  configureVoucherTemplate,
  issueVoucher,
  setRedemptionPinRequired,
  type RewardSpec,
  type VoucherTemplateSpec,
  type VoucherIssue
} from './catalogue'
export { setMemberPin } from './pin-authorization'
