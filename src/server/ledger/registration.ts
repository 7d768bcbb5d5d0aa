/**
 * Sign-up through the API: the full v2 registration and the v3 partial one (an email or a
 * mobile number only). A member already in the caller's group is a 400 naming the field, never
 * a second membership; one SQLite transaction each, so two kiosks cannot register one phone twice.
 */
import type {
  PartialRegistrationRequest,
  PartialRegistrationResponse,
  RegisterMemberRequest,
  RegisterMemberResponse
} from '../../shared/stamps/registration'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { LedgerError } from './ledger-error'
import { activeMembership, membershipNow } from './membership-view'
import { normaliseMobile, registerMember, type MemberRow } from './members'
import { getMerchant } from './merchants'
import { setMemberPin } from './pin-authorization'
import { REFUSAL } from './redemption-refusals'

/** Whether a user with this column value already holds a membership in the group. */
function memberOfGroup(db: Db, groupId: number, column: 'email' | 'mobile_phone', value: string): boolean {
  return (
    sql(
      db,
      `SELECT 1 FROM users u JOIN memberships m ON m.user_id = u.id AND m.group_id = ? WHERE u.${column} = ?`
    ).get(groupId, value) !== undefined
  )
}

/** A mobile number already belongs to another user (the column is unique across users). */
function mobileTaken(db: Db, mobile: string, email: string | null): boolean {
  const owner = sql(db, 'SELECT email FROM users WHERE mobile_phone = ?').get(mobile) as
    { email: string | null } | undefined
  return owner !== undefined && owner.email !== email
}

function groupOf(db: Db, merchantId: number): number {
  const merchant = getMerchant(db, merchantId)
  if (!merchant) throw new LedgerError('not_found')
  return merchant.group_id
}

/** POST /api/v2/memberships/register: the bare user with its membership. */
export function registerFull(
  db: Db,
  merchantId: number,
  req: RegisterMemberRequest,
  nowMs = Date.now()
): RegisterMemberResponse {
  return db
    .transaction((): RegisterMemberResponse => {
      const groupId = groupOf(db, merchantId)
      const email = req.email.toLowerCase()
      const mobile = normaliseMobile(req.mobile_number)
      if (!mobile) throw REFUSAL.badMobile('mobile_number')
      if (req.pin !== undefined && req.confirm_pin !== undefined && req.pin !== req.confirm_pin)
        throw REFUSAL.pinMismatch()
      if (memberOfGroup(db, groupId, 'email', email)) throw REFUSAL.emailUsed()
      if (memberOfGroup(db, groupId, 'mobile_phone', mobile) || mobileTaken(db, mobile, email))
        throw REFUSAL.mobileUsed('mobile_number')
      if (req.member_id !== undefined && sql(db, 'SELECT 1 FROM memberships WHERE card_number = ?').get(req.member_id))
        throw REFUSAL.cardUsed()
      const member = registerMember(db, {
        merchantId,
        name: req.name,
        email,
        mobilePhone: mobile,
        ...(req.member_id !== undefined && { cardNumber: req.member_id }),
        nowMs
      })
      const profile = {
        birthday: req.birthday ?? null,
        gender: req.gender ?? null,
        address: req.address ?? '',
        postal_code: req.postal_code ?? ''
      }
      sql(db, 'UPDATE users SET profile = ? WHERE id = ?').run(JSON.stringify(profile), member.user_id)
      if (req.pin !== undefined) setMemberPin(db, member.user_id, req.pin)
      return {
        id: String(member.user_id),
        name: member.name,
        gender: profile.gender,
        address: profile.address,
        is_active: true,
        email: member.email,
        picture_url: null,
        birthday: profile.birthday,
        phone: member.mobile_phone,
        postal_code: profile.postal_code,
        protected_redemption: false,
        has_incorrect_email: false,
        phone_is_verified: false,
        email_is_verified: false,
        has_pin: req.pin !== undefined,
        pin_is_blocked: false,
        has_password: false,
        notes: '',
        registration_status: 'Full',
        registering_employee_code: req.registering_employee_code ?? null,
        membership: newMembership(db, member)
      }
    })
    .immediate()
}

/** The membership of a new member in the register answer's form. */
function newMembership(db: Db, member: MemberRow) {
  const m = activeMembership(db, member.membership_id)
  const row = membershipNow(db, member.membership_id)
  return {
    tags: [],
    status: row.level_number,
    status_text: m.level_text!,
    level: row.level_number,
    level_text: m.level_text!,
    member_status: 'Active',
    stamps: row.stamps,
    balance: m.balance ?? 0,
    is_blocked: false,
    referral_code: m.referral_code ?? null,
    start_date: row.start_date,
    created: m.created!,
    primary_card: member.card_number ? { number: member.card_number, is_active: true } : null
  }
}

/** POST /api/v3/memberships/partial-registration: `user` is an email or a mobile number. */
export function registerPartial(
  db: Db,
  merchantId: number,
  req: PartialRegistrationRequest,
  nowMs = Date.now()
): PartialRegistrationResponse {
  return db
    .transaction((): PartialRegistrationResponse => {
      const groupId = groupOf(db, merchantId)
      const isEmail = req.user.includes('@')
      const email = isEmail ? req.user.trim().toLowerCase() : undefined
      const mobile = isEmail ? undefined : normaliseMobile(req.user)
      if (!isEmail && !mobile) throw REFUSAL.badMobile('user')
      if (email && memberOfGroup(db, groupId, 'email', email)) throw REFUSAL.emailUsed()
      if (mobile && (memberOfGroup(db, groupId, 'mobile_phone', mobile) || mobileTaken(db, mobile, null)))
        throw REFUSAL.mobileUsed('user')
      const member = registerMember(db, {
        merchantId,
        name: '',
        ...(email !== undefined && { email }),
        ...(mobile !== undefined && { mobilePhone: mobile }),
        nowMs
      })
      const m = newMembership(db, member)
      return {
        membership: { ...m, status: 'Active' },
        user: {
          id: member.user_id,
          name: member.name,
          gender: null,
          is_active: true,
          email: member.email,
          birthday: null,
          picture_url: null,
          phone: member.mobile_phone,
          has_incorrect_email: false,
          has_incorrect_phone: false,
          has_incorrect_wa_number: false,
          phone_is_verified: false,
          email_is_verified: false,
          registering_employee_code: req.registering_employee_code ?? null,
          member_ids: member.card_number ? [member.card_number] : [],
          primary_membership_id: member.membership_id
        }
      }
    })
    .immediate()
}
