/**
 * The refusals of rewards, vouchers, PINs and sign-up: a field, the message and the
 * `error_code` of the newer error form. The documents show only `invalid_pin`,
 * `invalid_voucher_owner` and `email_already_used`; the other codes are the sandbox's own.
 */
import { LedgerError } from './ledger-error'

/** A 400 naming one field, with its reason code. */
export function refusal(field: string, message: string, code: string): LedgerError {
  return new LedgerError('invalid', { [field]: message }, code)
}

/** DRF's PrimaryKeyRelatedField text for an id that names nothing. */
export const unknownPk = (id: number | string): string => `Invalid pk "${id}" - object does not exist.`

export const REFUSAL = {
  rewardNotFound: (id: number | string) => refusal('reward', unknownPk(id), 'reward_not_found'),
  rewardInactive: () => refusal('reward', 'This reward is no longer available', 'reward_inactive'),
  insufficientStamps: (needed: number, held: number) =>
    refusal('reward', `Insufficient stamps: ${needed} needed, ${held} held`, 'insufficient_stamps'),
  wrongLevel: (level: string) =>
    refusal('reward', `This reward is only for ${level} members`, 'invalid_membership_level'),
  rewardWrongStore: () => refusal('store', 'This reward cannot be redeemed in this store', 'invalid_store'),
  wrongChannel: () => refusal('channel', 'Not available on this channel', 'invalid_channel'),
  flexibleNeedsStamps: (min: number) =>
    refusal('stamps', `Stamps to spend are required for this reward (at least ${min})`, 'invalid_data'),
  voucherNotFound: (field: string, key: number | string) =>
    refusal(field, typeof key === 'number' ? unknownPk(key) : 'Voucher not found', 'voucher_not_found'),
  voucherOwner: (name: string) => refusal('user', `This voucher is not owned by ${name}`, 'invalid_voucher_owner'),
  voucherUsed: (field: string) => refusal(field, 'This voucher has already been used', 'voucher_already_used'),
  voucherExpired: (field: string) => refusal(field, 'This voucher has expired', 'voucher_expired'),
  voucherNotStarted: (field: string) => refusal(field, 'This voucher is not valid yet', 'voucher_not_started'),
  voucherInactive: (field: string) => refusal(field, 'This voucher is not active', 'voucher_inactive'),
  voucherWrongStore: () => refusal('store', 'This voucher cannot be used in this store', 'invalid_store'),
  voucherWrongTemplate: () => refusal('voucher_template', unknownPkText(), 'voucher_not_found'),
  pinRequired: () => refusal('request_id', 'This redemption needs the member PIN authorization', 'pin_required'),
  invalidPin: (left: number) => refusal('pin', `Invalid PIN, ${left} attempt(s) left`, 'invalid_pin'),
  pinBlocked: () => refusal('pin', 'PIN is blocked after too many failed attempts', 'pin_blocked'),
  noPin: () => refusal('pin', 'This member has not set a PIN', 'pin_not_set'),
  emailUsed: () => refusal('email', 'This email is already registered', 'email_already_used'),
  mobileUsed: (field: string) =>
    refusal(field, 'This mobile number is already registered', 'mobile_number_already_used'),
  cardUsed: () => refusal('member_id', 'This member ID is already used', 'member_id_already_used'),
  badMobile: (field: string) => refusal(field, 'Enter a valid mobile number.', 'invalid_data'),
  pinMismatch: () => refusal('confirm_pin', 'PIN and confirmation do not match', 'invalid_data')
} as const

function unknownPkText(): string {
  return 'The voucher code does not belong to this voucher template'
}
