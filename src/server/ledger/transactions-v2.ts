/**
 * The v2 sale calls: transactions/add, where an empty `user` records an open sale that earns
 * no member anything, and add-with-redemptions, where the sale, its reward and voucher
 * redemptions and an issued voucher are one SQLite transaction: one refusal undoes all of it.
 * The sale is credited first, so its own stamps can pay for its rewards (the documents leave
 * that open).
 */
import type {
  AddWithRedemptionsRequest,
  AddWithRedemptionsResponse,
  V2AddTransactionRequest,
  V2AddTransactionResponse
} from '../../shared/stamps/transactions-v2'
import type { Redemption } from '../../shared/stamps/redemptions'
import { CHANNEL_NAMES, parseIsoDateTime } from '../../shared/stamps/wire-values'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'
import { issueVoucher } from './catalogue'
import { LEDGER_TEXT, LedgerError, throwIfInvalid } from './ledger-error'
import { redemptionMembership } from './membership-view'
import { type MemberRow } from './members'
import { type MerchantRow, type StoreRow } from './merchants'
import { fromCents, stampsFor, toCents } from './money'
import { REFUSAL } from './redemption-refusals'
import { spendOnReward, type RedeemContext } from './redemptions'
import { rewardByCode, rewardById } from './reward-catalogue'
import { useVoucher } from './voucher-redemptions'
import { memberVoucherView, voucherByCode, voucherById } from './vouchers'
import { creditSale, insertSale, resolveSale, totalError } from './transactions'

interface RecordedSale {
  merchant: MerchantRow
  store: StoreRow
  member: MemberRow | undefined
  txId: number
  stampsEarned: number
  stampsAfter?: number
  levelName?: string
}

/** Records the sale and, with a member, credits it. Call inside the call's db transaction. */
function recordV2Sale(db: Db, merchantId: number, req: V2AddTransactionRequest, nowMs: number): RecordedSale {
  const user = req.user === undefined || req.user === '' ? undefined : req.user
  const { merchant, store, member } = resolveSale(db, merchantId, req.store, 'user', user)
  const createdMs = parseIsoDateTime(req.created)
  const totalCents = toCents(req.total_value)
  throwIfInvalid({
    ...(Number.isNaN(createdMs) ? { created: LEDGER_TEXT.badDatetime } : {}),
    ...totalError(req.total_value, totalCents)
  })
  const stampsEarned = req.stamps ?? stampsFor(totalCents, merchant.stamps_per_value)
  const { token: _token, ...details } = req
  const txId = insertSale(db, {
    merchantId: merchant.id,
    store,
    membershipId: member?.membership_id ?? null,
    invoiceNumber: req.invoice_number,
    createdMs,
    totalCents,
    value: req.total_value,
    stamps: stampsEarned,
    details
  })
  if (!member) return { merchant, store, member, txId, stampsEarned }
  const credited = creditSale(db, {
    merchant,
    store,
    member,
    txId,
    invoiceNumber: req.invoice_number,
    createdMs,
    totalCents,
    stamps: stampsEarned,
    nowMs,
    channelName: CHANNEL_NAMES[req.channel ?? 2] ?? 'POS'
  })
  return { merchant, store, member, txId, stampsEarned, stampsAfter: credited.stamps, levelName: credited.level.name }
}

const transactionView = (req: V2AddTransactionRequest, sale: RecordedSale) => ({
  stamps_earned: sale.stampsEarned,
  id: sale.txId,
  value: req.total_value,
  number_of_people: req.number_of_people,
  discount: req.discount ?? 0
})

/** POST /api/v2/transactions/add */
export function addTransactionV2(
  db: Db,
  merchantId: number,
  req: V2AddTransactionRequest,
  nowMs = Date.now()
): V2AddTransactionResponse {
  return db
    .transaction((): V2AddTransactionResponse => {
      const sale = recordV2Sale(db, merchantId, req, nowMs)
      const m = sale.member
      const balance = m
        ? (sql(db, 'SELECT balance_cents FROM memberships WHERE id = ?').pluck().get(m.membership_id) as number)
        : 0
      return {
        customer: m
          ? {
              status: sale.levelName!,
              balance: fromCents(balance),
              mobile_phone: m.mobile_phone,
              id: m.user_id,
              stamps_remaining: sale.stampsAfter!
            }
          : null,
        transaction: transactionView(req, sale)
      }
    })
    .immediate()
}

/** POST /api/v2/transactions/add-with-redemptions */
export function addWithRedemptions(
  db: Db,
  merchantId: number,
  req: AddWithRedemptionsRequest,
  nowMs = Date.now()
): AddWithRedemptionsResponse {
  return db
    .transaction((): AddWithRedemptionsResponse => {
      const sale = recordV2Sale(db, merchantId, req, nowMs)
      if (!sale.member) throw new LedgerError('invalid', { user: LEDGER_TEXT.required })
      // the member as the sale left them: level and stamps after it
      const member = { ...sale.member, level_number: levelAfter(db, sale.member.membership_id) }
      const base: RedeemContext = {
        merchant: sale.merchant,
        store: sale.store,
        member,
        nowMs,
        invoiceNumber: req.invoice_number,
        ...(req.channel !== undefined && { channel: req.channel })
      }
      const redemptions: Redemption[] = []
      for (const entry of req.reward_redemptions ?? []) {
        const reward =
          typeof entry.reward === 'number' ? rewardById(db, entry.reward) : rewardByCode(db, merchantId, entry.reward)
        if (!reward || reward.merchant_id !== merchantId) throw REFUSAL.rewardNotFound(entry.reward)
        const ctx = { ...base, ...(entry.request_id !== undefined && { requestId: entry.request_id }) }
        redemptions.push(
          spendOnReward(db, ctx, reward, entry.stamps === undefined ? {} : { stamps: entry.stamps }).redemption
        )
      }
      for (const entry of req.voucher_redemptions ?? []) {
        const v = voucherByCode(db, entry.voucher_code)
        if (!v) throw REFUSAL.voucherNotFound('voucher_code', entry.voucher_code)
        const ctx = { ...base, ...(entry.request_id !== undefined && { requestId: entry.request_id }) }
        redemptions.push(useVoucher(db, ctx, v, 'voucher_code'))
      }
      let issued: AddWithRedemptionsResponse['issued_voucher']
      if (req.issue_voucher) {
        const t = req.issue_voucher.template_id
        const owner = sql(db, 'SELECT merchant_id FROM voucher_templates WHERE id = ?').pluck().get(t)
        if (owner !== merchantId) throw new LedgerError('invalid', { template_id: LEDGER_TEXT.invalidChoice })
        const id = issueVoucher(db, {
          templateId: t,
          membershipId: member.membership_id,
          nowMs,
          timeZone: sale.store.time_zone,
          ...(req.issue_voucher.value !== undefined && { value: req.issue_voucher.value })
        })
        issued = memberVoucherView(voucherById(db, id)!)
      }
      return {
        membership: redemptionMembership(db, member.membership_id),
        transaction: transactionView(req, sale),
        ...(issued && { issued_voucher: issued }),
        redemptions
      }
    })
    .immediate()
}

function levelAfter(db: Db, membershipId: number): number {
  return sql(db, 'SELECT level_number FROM memberships WHERE id = ?').pluck().get(membershipId) as number
}
