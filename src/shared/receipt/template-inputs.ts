/** zod inputs of the receipt templates: a loyalty sale and a kiosk member slip. */
import { z } from 'zod'
import { LANGUAGES } from '../i18n'
import { columnsSchema } from './receipt-model'

const instant = z.union([z.iso.datetime({ offset: true }), z.date()])

export const saleLineSchema = z.object({
  name: z.string().min(1),
  quantity: z.number().positive(),
  unit_price: z.number()
})

/** A sale after (or while queued for) Stamps: what the loyalty receipt prints. */
export const loyaltySaleSchema = z.object({
  merchant_name: z.string().min(1),
  store_name: z.string().optional(),
  invoice_number: z.string().min(1),
  created: instant,
  items: z.array(saleLineSchema).default([]),
  total_value: z.number(),
  /** Null while the transaction is queued and Stamps has not answered yet. */
  stamps_earned: z.number().int().nullable().default(null),
  stamps_remaining: z.number().int().nullable().default(null),
  level: z.string().nullable().default(null),
  balance: z.number().nullable().default(null),
  /** True when the sale sits in the outbox: the receipt says stamps are pending. */
  pending: z.boolean().default(false),
  /** A later copy of the receipt (a reprint): printed with a copy mark at the top. */
  copy: z.boolean().default(false),
  /** Optional link (e-receipt, app download) printed as a QR code. */
  qr: z.string().optional()
})

/** The member slip printed at the kiosk after a card tap or lookup. */
export const memberSlipSchema = z.object({
  merchant_name: z.string().min(1),
  name: z.string(),
  card_number: z.string().nullable().default(null),
  level: z.string().nullable().default(null),
  stamps: z.number().int(),
  balance: z.number().nullable().default(null),
  /** Latest activities, already phrased as one line each (newest first). */
  activities: z.array(z.string()).default([]),
  printed_at: instant
})

export const templateOptionsSchema = z.object({
  columns: columnsSchema.default(32),
  /** The labels' language (`receipt.*` in the catalogue); English when not given, as receipts always were. */
  language: z.enum(LANGUAGES).default('en'),
  /** How many activity lines the member slip keeps. */
  maxActivities: z.number().int().min(0).max(20).default(5)
})

export type LoyaltySale = z.infer<typeof loyaltySaleSchema>
export type LoyaltySaleInput = z.input<typeof loyaltySaleSchema>
export type MemberSlip = z.infer<typeof memberSlipSchema>
export type MemberSlipInput = z.input<typeof memberSlipSchema>
export type TemplateOptionsInput = z.input<typeof templateOptionsSchema>
