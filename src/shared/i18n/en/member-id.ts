/** English reasons a scanned or typed member id is refused, one per parseMemberId failure code. */
import type { MemberIdKey } from '../id/member-id'

export const memberIdEn = {
  'memberId.empty': 'Nothing was read. Please try again.',
  'memberId.too-long': 'This code is too long to be a member ID.',
  'memberId.card-read-error': 'The card could not be read. Please swipe it again.',
  'memberId.bad-card': 'A card number has 6 to 19 digits.',
  'memberId.bad-mobile': 'This is not an Indonesian mobile number (08 followed by 8 to 12 digits).',
  'memberId.bad-email': 'This email address is not valid.',
  'memberId.no-id-in-qr': 'This QR code does not carry a member ID.',
  'memberId.unknown': 'Not a member card, email or mobile number.'
} as const satisfies Record<MemberIdKey, string>
