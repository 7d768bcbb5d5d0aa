/**
 * Member PINs for redemptions: POST /api/redemptions/authorize records that a member entered
 * their PIN for a `request_id`, valid `timeout` seconds; a merchant that requires it refuses
 * redemptions without one. Three wrong PINs block it until a week after the last failure.
 */
import { createHash } from 'node:crypto'
import type { AuthorizeRedemptionRequest } from '../../shared/stamps/redemptions'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { LedgerError } from './ledger-error'
import { findMember, requireMember } from './members'
import { getMerchant } from './merchants'
import { REFUSAL } from './redemption-refusals'

const MAX_ATTEMPTS = 3
/** auth_api.rst: the failure count resets 604800 s after the last failure. */
const FAILURE_RESET_MS = 604_800_000

/** A salted digest: the sandbox never keeps a PIN as typed. */
export const pinHash = (userId: number, pin: string): string =>
  createHash('sha256').update(`stamps-sandbox-pin:${userId}:${pin}`).digest('hex')

/** Sets (or replaces) a member's PIN and clears failures. */
export function setMemberPin(db: Db, userId: number, pin: string): void {
  sql(db, 'UPDATE users SET pin_hash = ?, pin_failures = 0 WHERE id = ?').run(pinHash(userId, pin), userId)
}

interface PinState {
  pin_hash: string | null
  pin_failures: number
  pin_failed_ms: number
}

/** POST /api/redemptions/authorize. A wrong PIN is a 400 `invalid_pin` saying how many tries are left. */
export function authorizeRedemption(
  db: Db,
  merchantId: number,
  req: AuthorizeRedemptionRequest,
  nowMs = Date.now()
): { status: 'ok' } {
  // the failure count must survive the refusal, so the refusal is thrown after the commit
  const outcome = db
    .transaction((): LedgerError | undefined => {
      const merchant = getMerchant(db, merchantId)
      if (!merchant) throw new LedgerError('not_found')
      const member =
        findMember(db, merchant.group_id, req.user) ?? requireMember(db, merchant.group_id, memberKey(db, req.user))
      const s = sql(db, 'SELECT pin_hash, pin_failures, pin_failed_ms FROM users WHERE id = ?').get(
        member.user_id
      ) as PinState
      if (!s.pin_hash) return REFUSAL.noPin()
      const failures = nowMs - s.pin_failed_ms >= FAILURE_RESET_MS ? 0 : s.pin_failures
      if (failures >= MAX_ATTEMPTS) return REFUSAL.pinBlocked()
      if (s.pin_hash !== pinHash(member.user_id, req.pin)) {
        sql(db, 'UPDATE users SET pin_failures = ?, pin_failed_ms = ? WHERE id = ?').run(
          failures + 1,
          nowMs,
          member.user_id
        )
        return failures + 1 >= MAX_ATTEMPTS ? REFUSAL.pinBlocked() : REFUSAL.invalidPin(MAX_ATTEMPTS - failures - 1)
      }
      sql(db, 'UPDATE users SET pin_failures = 0 WHERE id = ?').run(member.user_id)
      sql(db, 'INSERT OR REPLACE INTO pin_authorizations (user_id, request_id, expires_ms) VALUES (?, ?, ?)').run(
        member.user_id,
        req.request_id,
        nowMs + req.timeout * 1000
      )
      return undefined
    })
    .immediate()
  if (outcome) throw outcome
  return { status: 'ok' }
}

/** `user` here may also be the member's primary key id (the documented example sends 123): its email. */
function memberKey(db: Db, user: string): string {
  if (!/^\d{1,9}$/.test(user)) return user
  const u = sql(db, 'SELECT email FROM users WHERE id = ?').get(Number(user)) as { email: string | null } | undefined
  return u?.email ?? user
}

/**
 * Throws `pin_required` unless the merchant does not ask for PINs or the member authorized
 * `requestId` and it has not expired. Call inside the redemption's db transaction.
 */
export function requirePinAuthorization(
  db: Db,
  merchantId: number,
  userId: number,
  requestId: string | undefined,
  nowMs: number
): void {
  const required = sql(db, 'SELECT redemption_requires_pin FROM merchants WHERE id = ?').pluck().get(merchantId)
  if (required !== 1) return
  const ok =
    requestId !== undefined &&
    sql(db, 'SELECT 1 FROM pin_authorizations WHERE user_id = ? AND request_id = ? AND expires_ms > ?').get(
      userId,
      requestId,
      nowMs
    ) !== undefined
  if (!ok) throw REFUSAL.pinRequired()
}
