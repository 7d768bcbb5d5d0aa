/** Sales on the stamps ledger: add and the earnings preview (cancels: transaction-cancel.ts). */
import { ACTIVITY_STATUS, ACTIVITY_TYPE } from '../../shared/stamps/activities'
import type {
  AddTransactionRequest,
  AddTransactionResponse,
  PreviewEarningsQuery
} from '../../shared/stamps/transactions'
import { parseIsoDateTime } from '../../shared/stamps/wire-values'
import { localDay } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { isUniqueViolation, sql } from '../db/statements'
import { writeActivity } from './activities'
import { groupLevels, settleLevel, type Level } from './levels'
import { LEDGER_TEXT, LedgerError, throwIfInvalid } from './ledger-error'
import { findMember, type MemberRow } from './members'
import { getMerchant, getStore, type MerchantRow, type StoreRow } from './merchants'
import { MAX_COUNTER, MAX_RUPIAH, stampsFor, toCents } from './money'

/** The total_value error, if any: more than 2 decimals or above the sandbox's maximum. */
export function totalError(total: number, cents: number): Record<string, string> {
  if (total > MAX_RUPIAH) return { total_value: LEDGER_TEXT.tooLarge }
  return Number.isNaN(cents) ? { total_value: LEDGER_TEXT.decimalPlaces } : {}
}

/** Checks store and member together so one answer names every bad field, as DRF does. */
export function resolveSale(db: Db, merchantId: number, storeId: number, userField: string, user: string | undefined) {
  const merchant = getMerchant(db, merchantId)
  if (!merchant) throw new LedgerError('not_found')
  const store = getStore(db, storeId)
  const errors: Record<string, string> = {}
  if (!store || store.merchant_id !== merchantId) errors.store = LEDGER_TEXT.invalidChoice
  const member = user === undefined ? undefined : findMember(db, merchant.group_id, user)
  if (user !== undefined && !member) errors[userField] = LEDGER_TEXT.userNotFound
  throwIfInvalid(errors)
  return { merchant, store: store as StoreRow, member }
}

export interface SaleRow {
  merchantId: number
  store: StoreRow
  /** null: an open sale (v2 add with an empty user), claimed by no member. */
  membershipId: number | null
  invoiceNumber: string
  createdMs: number
  totalCents: number
  value: number
  stamps: number
  details: Record<string, unknown>
}

/** Inserts the sale row; a used invoice number that store day is the documented duplicate refusal. */
export function insertSale(db: Db, sale: SaleRow): number {
  try {
    return Number(
      sql(
        db,
        `INSERT INTO transactions (merchant_id, store_id, membership_id, invoice_number, invoice_day, total_cents, value,
      stamps_earned, created_ms, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(
        sale.merchantId,
        sale.store.id,
        sale.membershipId,
        sale.invoiceNumber,
        localDay(sale.createdMs, sale.store.time_zone),
        sale.totalCents,
        sale.value,
        sale.stamps,
        sale.createdMs,
        JSON.stringify(sale.details)
      ).lastInsertRowid
    )
  } catch (err) {
    // the UNIQUE index is the duplicate check: no read-then-write race is possible
    if (isUniqueViolation(err)) throw new LedgerError('invalid', { invoice_number: LEDGER_TEXT.duplicateInvoice })
    throw err
  }
}

export interface SaleCredit {
  merchant: MerchantRow
  store: StoreRow
  member: MemberRow
  txId: number
  invoiceNumber: string
  createdMs: number
  totalCents: number
  stamps: number
  nowMs: number
  channelName?: string
}

/**
 * Gives the member a recorded sale's stamps and spending, writes its type 0 activity and
 * settles the level. Call inside the sale's db transaction.
 */
export function creditSale(db: Db, c: SaleCredit): { stamps: number; level: Level } {
  // guarded so counters stay exact JS integers; a refusal rolls the whole sale back
  const after = sql(
    db,
    `UPDATE memberships SET stamps = stamps + ?, spending_cents = spending_cents + ?
  WHERE id = ? AND stamps + ? <= ${MAX_COUNTER} AND spending_cents + ? <= ${MAX_COUNTER} RETURNING stamps, spending_cents`
  ).get(c.stamps, c.totalCents, c.member.membership_id, c.stamps, c.totalCents) as
    { stamps: number; spending_cents: number } | undefined
  if (!after) throw new LedgerError('invalid', { total_value: LEDGER_TEXT.counterFull })
  const owner = { userId: c.member.user_id, groupId: c.merchant.group_id, merchantId: c.merchant.id }
  const activityId = writeActivity(
    db,
    { ...owner, transactionId: c.txId },
    {
      type: ACTIVITY_TYPE.transaction,
      created: Math.floor(c.createdMs / 1000),
      notes: '',
      merchant: { id: c.merchant.id, name: c.merchant.name },
      store: { name: c.store.name, display_name: c.store.display_name },
      transaction: {
        stamps: c.stamps,
        name: `Transaction #${c.txId}`,
        status: ACTIVITY_STATUS.created,
        invoice_number: c.invoiceNumber,
        channel: c.channelName ?? 'POS'
      }
    }
  )
  sql(db, 'UPDATE transactions SET activity_id = ? WHERE id = ?').run(activityId, c.txId)
  const levels = groupLevels(db, c.merchant.group_id)
  const level = settleLevel(
    db,
    { ...owner, membershipId: c.member.membership_id, nowMs: c.nowMs },
    c.member.level_number,
    after.spending_cents,
    levels
  )
  return { stamps: after.stamps, level }
}

/** POST /api/transactions/add: one sale, its stamps, spending, level and activities, atomically. */
export function addTransaction(
  db: Db,
  merchantId: number,
  req: AddTransactionRequest,
  nowMs = Date.now()
): AddTransactionResponse {
  return db
    .transaction((): AddTransactionResponse => {
      const userField = req.user !== undefined ? 'user' : 'user_email'
      const { merchant, store, member } = resolveSale(db, merchantId, req.store, userField, req.user ?? req.user_email)
      if (!member) throw new LedgerError('invalid', { user: LEDGER_TEXT.required })
      const createdMs = req.created === undefined ? nowMs : parseIsoDateTime(req.created)
      const totalCents = toCents(req.total_value)
      throwIfInvalid({
        ...(Number.isNaN(createdMs) ? { created: LEDGER_TEXT.badDatetime } : {}),
        ...totalError(req.total_value, totalCents)
      })
      const stamps = stampsFor(totalCents, merchant.stamps_per_value)
      const { token: _token, ...details } = req
      const txId = insertSale(db, {
        merchantId: merchant.id,
        store,
        membershipId: member.membership_id,
        invoiceNumber: req.invoice_number,
        createdMs,
        totalCents,
        value: req.total_value,
        stamps,
        details
      })
      const { stamps: remaining, level } = creditSale(db, {
        merchant,
        store,
        member,
        txId,
        invoiceNumber: req.invoice_number,
        createdMs,
        totalCents,
        stamps,
        nowMs
      })
      return {
        customer: { status: level.name, id: member.user_id, stamps_remaining: remaining },
        transaction: { stamps_earned: stamps, id: txId, value: req.total_value }
      }
    })
    .immediate()
}

/** GET /api/v2/transactions/preview-earnings: what a sale would earn, writing nothing. */
export function previewEarnings(db: Db, merchantId: number, q: PreviewEarningsQuery): { stamps: number } {
  const { merchant } = resolveSale(db, merchantId, q.store, 'user', q.user)
  const totalCents = toCents(q.total_value)
  throwIfInvalid(totalError(q.total_value, totalCents))
  return { stamps: stampsFor(totalCents, (merchant as MerchantRow).stamps_per_value) }
}
