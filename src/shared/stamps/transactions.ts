/** Wire schemas of the Transaction API: add (JSON and XML), both cancels and preview-earnings. */
import { z } from 'zod'
import {
  calendarDate,
  drfBoolean,
  drfText,
  idNumber,
  isoDateTime,
  rupiah,
  tokenField,
  userIdentifier,
  wholeNumber
} from './wire-values'

/** One sold item; `price` is the unit price (2 x 10000 + 4 x 5000 = 40000 = subtotal). */
export const saleItemSchema = z.object({
  product_name: drfText({ maxLength: 255 }),
  quantity: wholeNumber.pipe(z.number().int().positive()),
  price: rupiah.pipe(z.number().nonnegative())
})

/**
 * POST /api/transactions/add. `user` (current) or `user_email` (older documents) names the
 * member; `service_change` is the documents' typo of `service_charge` and is accepted too.
 */
export const addTransactionRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier.optional(),
  user_email: userIdentifier.optional(),
  store: idNumber,
  invoice_number: drfText({ maxLength: 100 }),
  total_value: rupiah.pipe(z.number().nonnegative()),
  subtotal: rupiah.pipe(z.number().nonnegative()).optional(),
  discount: rupiah.pipe(z.number().nonnegative()).optional(),
  service_charge: rupiah.pipe(z.number().nonnegative()).optional(),
  service_change: rupiah.pipe(z.number().nonnegative()).optional(),
  tax: rupiah.pipe(z.number().nonnegative()).optional(),
  items: z.array(saleItemSchema).max(500).optional(),
  created: isoDateTime.optional()
})

export const addTransactionResponseSchema = z.object({
  customer: z.object({ status: z.string(), id: z.number(), stamps_remaining: z.number() }),
  transaction: z.object({ stamps_earned: z.number(), id: z.number(), value: z.number() })
})

/**
 * What the receipt bridge answers (202) when the upstream is unreachable: the same shape with
 * `pending` and the queued invoice, so the host POS can finish its sale.
 */
export const queuedTransactionResponseSchema = z.object({
  pending: z.literal(true),
  invoice_number: z.string(),
  store: z.number(),
  customer: z.object({
    status: z.string().nullable(),
    id: z.number().nullable(),
    stamps_remaining: z.number().nullable()
  }),
  transaction: z.object({ stamps_earned: z.number().nullable(), id: z.number().nullable(), value: z.number() })
})

/** `cancel_related_redemptions` ("true"/"false", default false) also cancels the redemptions under the sale's invoice number. */
export const cancelTransactionRequestSchema = z.object({
  token: tokenField.optional(),
  id: idNumber,
  cancel_related_redemptions: drfBoolean.optional()
})

export const cancelTransactionResponseSchema = z.object({
  customer: z.object({ status: z.string(), id: z.number(), stamps_remaining: z.number() }),
  transaction: z.object({
    id: z.number(),
    value: z.number(),
    stamps_earned: z.number(),
    status: z.literal('Canceled')
  })
})

/**
 * POST /api/v2/transactions/cancel names the sale by what a till knows: its invoice number and
 * `date`, the day it happened (the store's local date, YYYY-MM-DD). It carries no id and no store.
 */
export const cancelTransactionByInvoiceRequestSchema = z.object({
  token: tokenField.optional(),
  invoice_number: drfText({ maxLength: 100 }),
  date: calendarDate
})

/**
 * Its 200 answer. `transaction` is read as documented. Of `membership` only `stamps` is
 * required: the documents disagree on its level fields (`status` is a level number here and
 * "Active" elsewhere, the name in `status_text` or `level_text`), and a cancel that happened must
 * never read as an unreadable answer over a field the till does not need.
 */
export const cancelTransactionByInvoiceResponseSchema = z.object({
  transaction: z.object({
    stamps_earned: z.number(),
    id: z.number(),
    value: z.number(),
    status: z.literal('Canceled')
  }),
  membership: z.looseObject({
    tags: z.array(z.unknown()).optional(),
    status: z.union([z.number(), z.string()]).optional(),
    status_text: z.string().optional(),
    level_text: z.string().optional(),
    stamps: z.number(),
    balance: z.number().optional(),
    is_blocked: z.boolean().optional(),
    referral_code: z.string().nullable().optional(),
    start_date: z.string().optional(),
    created: z.string().optional()
  })
})

/** GET /api/v2/transactions/preview-earnings: the add parameters minus invoice and created. */
export const previewEarningsQuerySchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier.optional(),
  store: idNumber,
  total_value: rupiah.pipe(z.number().nonnegative()),
  subtotal: rupiah.pipe(z.number().nonnegative()).optional(),
  discount: rupiah.pipe(z.number().nonnegative()).optional(),
  service_charge: rupiah.pipe(z.number().nonnegative()).optional(),
  tax: rupiah.pipe(z.number().nonnegative()).optional()
})

export const previewEarningsResponseSchema = z.object({ stamps: z.number() })

export type SaleItem = z.infer<typeof saleItemSchema>
export type AddTransactionRequest = z.infer<typeof addTransactionRequestSchema>
export type AddTransactionResponse = z.infer<typeof addTransactionResponseSchema>
export type QueuedTransactionResponse = z.infer<typeof queuedTransactionResponseSchema>
export type CancelTransactionRequest = z.infer<typeof cancelTransactionRequestSchema>
export type CancelTransactionResponse = z.infer<typeof cancelTransactionResponseSchema>
export type CancelTransactionByInvoiceRequest = z.infer<typeof cancelTransactionByInvoiceRequestSchema>
export type CancelTransactionByInvoiceResponse = z.infer<typeof cancelTransactionByInvoiceResponseSchema>
export type PreviewEarningsQuery = z.infer<typeof previewEarningsQuerySchema>
export type PreviewEarningsResponse = z.infer<typeof previewEarningsResponseSchema>
