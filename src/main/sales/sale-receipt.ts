/** Turns a sale and what Stamps answered (or that it is queued) into the loyalty receipt's data. */
import type { LoyaltySaleInput } from '../../shared/receipt/template-inputs'
import type { QueuedSale, PostedResponse } from '../outbox'

export interface MemberFigures {
  level: string | null
  balance: number | null
}

export interface ReceiptContext {
  merchantName: string
  storeName?: string
}

/**
 * The receipt of a posted sale carries Stamps' own figures; a queued sale's says its stamps
 * are pending, never a guess (a guessed count that later differs is a complaint at the till).
 */
export function saleReceiptData(
  sale: QueuedSale,
  response: PostedResponse | null,
  member: MemberFigures,
  ctx: ReceiptContext
): LoyaltySaleInput {
  return {
    merchant_name: ctx.merchantName,
    ...(ctx.storeName && { store_name: ctx.storeName }),
    invoice_number: sale.invoice_number,
    created: sale.created ? new Date(Date.parse(sale.created) || Date.now()) : new Date(),
    items: (sale.items ?? []).map((i) => ({ name: i.product_name, quantity: i.quantity, unit_price: i.price })),
    total_value: sale.total_value,
    stamps_earned: toInt(response?.transaction.stamps_earned),
    stamps_remaining: toInt(response?.customer.stamps_remaining),
    level: response?.customer.status ?? member.level,
    balance: member.balance,
    pending: response === null
  }
}

const toInt = (v: number | null | undefined): number | null => (typeof v === 'number' ? Math.trunc(v) : null)
