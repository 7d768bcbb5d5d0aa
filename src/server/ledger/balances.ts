/**
 * The balance ledger, separate from stamps: credit, debit and cancel. Money hazard: a balance
 * must never go negative, so every subtraction is a guarded UPDATE (`WHERE balance >= amount`)
 * inside the same db transaction as its record and activity; the CHECK constraint backs it up.
 */
import { ACTIVITY_STATUS, ACTIVITY_TYPE } from '../../shared/stamps/activities'
import type { BalanceCancelResponse, BalanceUpdateResponse } from '../../shared/stamps/balances'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { markActivityCanceled, writeActivity } from './activities'
import { LEDGER_TEXT, LedgerError, throwIfInvalid } from './ledger-error'
import { findMember, memberStatus } from './members'
import { getMerchant, getStore } from './merchants'
import { fromCents, MAX_COUNTER, toCents } from './money'

export interface BalanceChange {
  user: string
  amount: number
  merchant: number
  store: number
}

interface Balance {
  balance_cents: number
  level_number: number
  group_id: number
  user_id: number
}

/**
 * Shifts a balance by whole hundredths; undefined when it would go below zero (or, for a
 * credit, beyond what stays exact), checked by SQLite in the same statement as the change.
 */
function shiftBalance(db: Db, membershipId: number, deltaCents: number): Balance | undefined {
  return sql(
    db,
    `UPDATE memberships SET balance_cents = balance_cents + ?
    WHERE id = ? AND balance_cents + ? BETWEEN 0 AND ${MAX_COUNTER} RETURNING balance_cents, level_number, group_id, user_id`
  ).get(deltaCents, membershipId, deltaCents) as Balance | undefined
}

function change(
  db: Db,
  merchantId: number,
  req: BalanceChange,
  direction: 1 | -1,
  nowMs: number
): BalanceUpdateResponse {
  return db
    .transaction((): BalanceUpdateResponse => {
      const merchant = getMerchant(db, merchantId)
      if (!merchant) throw new LedgerError('not_found')
      const store = getStore(db, req.store)
      const member = findMember(db, merchant.group_id, req.user)
      const cents = toCents(req.amount)
      throwIfInvalid({
        ...(member ? {} : { user: LEDGER_TEXT.userNotFound }),
        ...(Number.isNaN(cents) ? { amount: LEDGER_TEXT.decimalPlaces } : {}),
        ...(req.merchant === merchantId ? {} : { merchant: LEDGER_TEXT.invalidChoice }),
        ...(store && store.merchant_id === merchantId ? {} : { store: LEDGER_TEXT.invalidChoice })
      })
      const delta = direction * cents
      const after = shiftBalance(db, member!.membership_id, delta)
      if (!after)
        throw new LedgerError('invalid', {
          amount: direction < 0 ? LEDGER_TEXT.insufficientBalance : LEDGER_TEXT.counterFull
        })
      const id = Number(
        sql(
          db,
          'INSERT INTO balance_updates (merchant_id, store_id, membership_id, delta_cents, amount, created_ms) VALUES (?, ?, ?, ?, ?, ?)'
        ).run(merchantId, store!.id, member!.membership_id, delta, req.amount, nowMs).lastInsertRowid
      )
      const activityId = writeActivity(
        db,
        { userId: member!.user_id, groupId: merchant.group_id, merchantId, balanceUpdateId: id },
        {
          type: ACTIVITY_TYPE.changeBalance,
          created: Math.floor(nowMs / 1000),
          notes: '',
          merchant: { id: merchant.id, name: merchant.name },
          store: { name: store!.name, display_name: store!.display_name },
          balance_update: {
            transaction_number: `BU-${id}`,
            amount: fromCents(delta),
            status: ACTIVITY_STATUS.created,
            balance_type: 1
          }
        }
      )
      sql(db, 'UPDATE balance_updates SET activity_id = ? WHERE id = ?').run(activityId, id)
      return {
        customer: { id: member!.user_id, balance: fromCents(after.balance_cents), status: memberStatus(db, after) },
        balance_update: { id, amount: req.amount }
      }
    })
    .immediate()
}

/** POST /api/balances/credit. No idempotency key exists: callers must never retry blindly. */
export function creditBalance(
  db: Db,
  merchantId: number,
  req: BalanceChange,
  nowMs = Date.now()
): BalanceUpdateResponse {
  return change(db, merchantId, req, 1, nowMs)
}

/** POST /api/balances/debit: refused (nothing written) when the balance does not cover it. */
export function debitBalance(
  db: Db,
  merchantId: number,
  req: BalanceChange,
  nowMs = Date.now()
): BalanceUpdateResponse {
  return change(db, merchantId, req, -1, nowMs)
}

/**
 * POST /api/balances/cancel: reverses an update exactly once (the status flip is guarded) and
 * marks its type 7 activity canceled. Cancelling a spent credit would overdraw: refused.
 */
export function cancelBalanceUpdate(db: Db, merchantId: number, id: number): BalanceCancelResponse {
  return db
    .transaction((): BalanceCancelResponse => {
      const bu = sql(
        db,
        'SELECT id, membership_id, delta_cents, amount FROM balance_updates WHERE id = ? AND merchant_id = ?'
      ).get(id, merchantId) as { id: number; membership_id: number; delta_cents: number; amount: number } | undefined
      if (!bu) throw new LedgerError('not_found')
      if (sql(db, 'UPDATE balance_updates SET status = 2 WHERE id = ? AND status = 1').run(id).changes !== 1) {
        throw new LedgerError('invalid', { id: LEDGER_TEXT.balanceCanceled })
      }
      const after = shiftBalance(db, bu.membership_id, -bu.delta_cents)
      if (!after)
        throw new LedgerError('invalid', {
          amount: bu.delta_cents > 0 ? LEDGER_TEXT.insufficientBalance : LEDGER_TEXT.counterFull
        })
      markActivityCanceled(db, { balanceUpdateId: id })
      return {
        customer: { id: after.user_id, balance: fromCents(after.balance_cents), status: memberStatus(db, after) },
        balance_update: { id: bu.id, amount: bu.amount, status: 'Canceled' }
      }
    })
    .immediate()
}
