/**
 * POST /api/redemptions/cancel: undoes a redemption exactly once. The status flip is guarded
 * (`WHERE status = 1`), so a second cancel, even a concurrent one, finds nothing to flip and
 * returns nothing twice. Stamps come back, a used voucher gets its use back (or a replacement
 * voucher when asked), and a voucher the reward issued is withdrawn unless it was used.
 */
import type { CancelRedemptionRequest, CancelRedemptionResponse } from '../../shared/stamps/redemptions'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { issueVoucher } from './catalogue'
import { LedgerError } from './ledger-error'
import { groupLevels, levelName } from './levels'
import { getStore } from './merchants'
import { MAX_COUNTER } from './money'

interface RedemptionRow {
  id: number
  store_id: number
  membership_id: number
  voucher_id: number | null
  issued_voucher_id: number | null
  stamps_used: number
  activity_id: number | null
}

export const REDEMPTION_TEXT = {
  notFound: 'Cannot find redemption of the requested redemption id',
  canceled: 'Redemption has already been canceled',
  issuedVoucherUsed: 'The voucher this redemption issued has already been used',
  counterFull: "The member's ledger cannot hold this amount"
} as const

/** Cancels one of the caller's redemptions; unknown (or another merchant's) id: 404. */
export function cancelRedemption(
  db: Db,
  merchantId: number,
  req: CancelRedemptionRequest,
  nowMs = Date.now()
): CancelRedemptionResponse {
  return db
    .transaction((): CancelRedemptionResponse => {
      const r = sql(
        db,
        `SELECT id, store_id, membership_id, voucher_id, issued_voucher_id, stamps_used, activity_id
        FROM redemptions WHERE id = ? AND merchant_id = ?`
      ).get(req.id, merchantId) as RedemptionRow | undefined
      if (!r) throw new LedgerError('not_found')
      if (sql(db, 'UPDATE redemptions SET status = 2 WHERE id = ? AND status = 1').run(r.id).changes !== 1)
        throw new LedgerError('invalid', { info: REDEMPTION_TEXT.canceled })
      if (r.issued_voucher_id !== null) {
        const withdrawn = sql(db, 'UPDATE vouchers SET is_active = 0 WHERE id = ? AND quantity > 0').run(
          r.issued_voucher_id
        ).changes
        if (withdrawn !== 1) throw new LedgerError('invalid', { info: REDEMPTION_TEXT.issuedVoucherUsed })
      }
      if (r.voucher_id !== null) returnVoucherUse(db, r, req.create_replacement_voucher === true, nowMs)
      const after = sql(
        db,
        `UPDATE memberships SET stamps = stamps + ? WHERE id = ? AND stamps + ? <= ${MAX_COUNTER}
        RETURNING stamps, level_number, group_id, user_id`
      ).get(r.stamps_used, r.membership_id, r.stamps_used) as
        { stamps: number; level_number: number; group_id: number; user_id: number } | undefined
      if (!after) throw new LedgerError('invalid', { info: REDEMPTION_TEXT.counterFull })
      if (r.activity_id !== null)
        sql(db, `UPDATE activities SET payload = json_set(payload, '$.redemption.status', 2) WHERE id = ?`).run(
          r.activity_id
        )
      return {
        redemption: { id: r.id, status: 'Canceled' },
        customer: {
          status: levelName(groupLevels(db, after.group_id), after.level_number),
          id: after.user_id,
          stamps_remaining: after.stamps
        }
      }
    })
    .immediate()
}

/** The voucher's use comes back, or (create_replacement_voucher) a new voucher of its template is issued. */
function returnVoucherUse(db: Db, r: RedemptionRow, replace: boolean, nowMs: number): void {
  if (!replace) {
    sql(db, 'UPDATE vouchers SET quantity = quantity + 1 WHERE id = ?').run(r.voucher_id)
    return
  }
  const templateId = sql(db, 'SELECT template_id FROM vouchers WHERE id = ?').pluck().get(r.voucher_id) as number
  issueVoucher(db, {
    templateId,
    membershipId: r.membership_id,
    nowMs,
    timeZone: getStore(db, r.store_id)?.time_zone,
    notes: `Replacement for redemption ${r.id}`
  })
}
