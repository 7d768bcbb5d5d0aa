/**
 * Sales domain: the cashier's sale (preview the stamps, submit once) and cancelling a posted
 * sale. Amounts are rupiah; main checks that the figures add up before anything is queued.
 */
import { z } from 'zod'
import { printJobSchema } from '../receipt/printer-status'
import { saleItemSchema } from '../stamps/transactions'
import { calendarDate } from '../stamps/wire-values'
import { channel, empty } from './contract'

const user = z.string().trim().min(1).max(254)
const invoiceNumber = z.string().trim().min(1).max(100)

/** A cashier's sale before it is posted. */
export const saleInputSchema = z
  .object({
    user,
    /** Fixed by the caller before the first try: a repeat carries the same key and cannot post twice. */
    invoiceNumber,
    items: z.array(saleItemSchema).max(200).default([]),
    subtotal: z.number().nonnegative().optional(),
    discount: z.number().nonnegative().default(0),
    serviceCharge: z.number().nonnegative().default(0),
    tax: z.number().nonnegative().default(0),
    totalValue: z.number().nonnegative()
  })
  .strict()
export type SaleInput = z.input<typeof saleInputSchema>

export const saleResultSchema = z.object({
  state: z.enum(['posted', 'queued', 'already-posted']),
  invoiceNumber: z.string(),
  outboxId: z.number().int(),
  stampsEarned: z.number().nullable(),
  stampsRemaining: z.number().nullable(),
  receiptJobId: z.number().int().nullable(),
  /** For `already-posted`: the receipt printed the first time, to preview or reprint by invoice. */
  previousReceiptJobId: z.number().int().nullable().optional()
})
export type SaleResult = z.infer<typeof saleResultSchema>

/**
 * A sale to cancel, by its invoice number; `user` when this till did not post it. Stamps names a
 * sale to cancel by invoice number and day, never by an activity's display name.
 */
export const cancelPreviewRequestSchema = z.object({ invoiceNumber, user: user.optional() }).strict()

export const cancelPreviewSchema = z.object({
  invoiceNumber: z.string(),
  /** The day the sale happened, as the store's local date (YYYY-MM-DD): what `sale:cancel` sends with the invoice. */
  date: z.string(),
  /** Stamps' id of the sale when this till's queue record holds it; the member's history does not say. */
  transactionId: z.number().nullable(),
  user: z.string(),
  memberName: z.string().nullable(),
  value: z.number().nullable(),
  /** The stamps Stamps will take back; null when neither the queue nor the history says. */
  stampsToTakeBack: z.number().nullable(),
  stampsNow: z.number().nullable(),
  /** False when the member has spent them: Stamps will refuse the cancel. */
  enoughStamps: z.boolean().nullable(),
  alreadyCanceled: z.boolean()
})

/** The sale to cancel, as the preview named it: its invoice number and its day. */
export const cancelRequestSchema = z.object({ invoiceNumber, date: calendarDate }).strict()

export const cancelResultSchema = z.object({
  transactionId: z.number(),
  invoiceNumber: z.string(),
  date: z.string(),
  stampsTakenBack: z.number(),
  stampsRemaining: z.number(),
  /** The member's level after the cancel, when Stamps names it. */
  level: z.string().nullable()
})

/** A sale of today's list: posted, waiting in the queue, refused by Stamps, cancelled, or discarded by a person. */
export const todaySaleStateSchema = z.enum(['posted', 'pending', 'refused', 'cancelled', 'discarded'])
export type TodaySaleState = z.infer<typeof todaySaleStateSchema>

export const todaySaleSchema = z.object({
  outboxId: z.number().int(),
  /** When the sale was recorded at this till (epoch ms). */
  at: z.number(),
  invoiceNumber: z.string(),
  /** The member id the sale was recorded for (card, phone or email), as sent to Stamps. */
  user: z.string(),
  /** The member's name when this till has seen them, else null. */
  memberName: z.string().nullable(),
  total: z.number(),
  /** Stamps earned as Stamps answered; null while pending or refused. */
  stamps: z.number().nullable(),
  state: todaySaleStateSchema
})
export type TodaySale = z.infer<typeof todaySaleSchema>

const stateTotal = z.object({ count: z.number().int(), value: z.number() })

/** The store's sales of one local day, with totals per state; `takings` counts posted and pending sales. */
export const todaySalesSchema = z.object({
  date: z.string(),
  store: z.number().int(),
  sales: z.array(todaySaleSchema),
  totals: z.object({
    byState: z.record(todaySaleStateSchema, stateTotal),
    takings: stateTotal,
    stamps: z.number()
  })
})
export type TodaySales = z.infer<typeof todaySalesSchema>

export const saleChannels = {
  'sale:preview': channel({
    request: z.object({ user: z.string().max(254).optional(), totalValue: z.number().nonnegative() }).strict(),
    response: z.object({ stamps: z.number() })
  }),
  'sale:submit': channel({ request: saleInputSchema, response: saleResultSchema }),
  /** Reprints the sale's receipt; a receipt printed as "stamps pending" is printed anew with Stamps' figures. */
  'sale:reprint-receipt': channel({ request: z.object({ invoiceNumber }).strict(), response: printJobSchema }),
  'sale:cancel-preview': channel({
    request: cancelPreviewRequestSchema,
    response: cancelPreviewSchema,
    session: 'cashier'
  }),
  /** Insufficient stamps is a `validation` refusal with fields [['info', <Stamps' text>]]. */
  'sale:cancel': channel({
    request: cancelRequestSchema,
    response: cancelResultSchema,
    session: 'cashier'
  }),
  /** Today's sales at this store, from this till's outbox: newest first, with totals. */
  'sale:today': channel({ request: empty, response: todaySalesSchema, session: 'cashier' }),
  /** Prints today's totals at this store on the receipt printer (the shift summary slip). */
  'sale:print-shift-summary': channel({ request: empty, response: printJobSchema, session: 'cashier' })
} as const
