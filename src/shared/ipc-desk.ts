/**
 * Contract shapes of the cashier desk's money and repair screens: balance credit/debit,
 * sale cancel, queue repair and the printer (issue: the app, part 2).
 *
 * Money hazard: balance updates carry no idempotency key upstream. `requestId` is the
 * screen's key for one confirmed intent (one per confirm dialog): a repeat with the same id,
 * from a double click or a retried IPC, gets the first answer and never a second update.
 */
import { z } from 'zod'
import { saleItemSchema } from './stamps/transactions'

const user = z.string().trim().min(1).max(254)
const money = z.number().positive().max(1_000_000_000_000)
const direction = z.enum(['credit', 'debit'])

export const balanceRequestSchema = z.object({ requestId: z.string().min(8).max(64), user, amount: money }).strict()

/**
 * `posted`: the money moved (answered, or found in the member's history: `reconciled`).
 * `unknown`: Stamps may or may not have moved it; show "unknown, check history", offer
 * `balance:reconcile {ticketId}`, and never send the same update again on a guess.
 * `not-posted` only answers a reconcile: it certainly did not happen.
 * A refused update (insufficient balance, unknown member) is a `validation` refusal instead.
 */
export const balanceOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('posted'),
    direction,
    user: z.string(),
    amount: z.number(),
    /** The member's balance after the update; null when Stamps could not say in time. */
    balance: z.number().nullable(),
    balanceUpdateId: z.number().nullable(),
    transactionNumber: z.string().nullable(),
    reconciled: z.boolean(),
    slipJobId: z.number().int().nullable()
  }),
  z.object({
    outcome: z.literal('unknown'),
    ticketId: z.string(),
    direction,
    user: z.string(),
    amount: z.number(),
    reason: z.string()
  }),
  z.object({
    outcome: z.literal('not-posted'),
    ticketId: z.string(),
    direction,
    user: z.string(),
    amount: z.number(),
    reason: z.string()
  })
])
export type BalanceOutcomeView = z.infer<typeof balanceOutcomeSchema>

/** The last update posted at this till: what the one-tap cancel would reverse. */
export const lastBalanceSchema = z.object({
  balanceUpdateId: z.number().nullable(),
  transactionNumber: z.string().nullable(),
  direction,
  user: z.string(),
  amount: z.number(),
  at: z.number(),
  /** False when only the history knows the update (reconciled): it has no id to cancel by. */
  cancelable: z.boolean()
})

export const balanceCancelResultSchema = z.object({
  balanceUpdateId: z.number(),
  direction,
  amount: z.number(),
  balance: z.number().nullable(),
  slipJobId: z.number().int().nullable()
})

/** A sale to cancel: by its Stamps transaction id or its invoice; `user` when this till did not post it. */
export const cancelPreviewRequestSchema = z
  .object({
    transactionId: z.number().int().positive().optional(),
    invoiceNumber: z.string().trim().min(1).max(100).optional(),
    user: user.optional()
  })
  .strict()
  .refine((r) => r.transactionId !== undefined || r.invoiceNumber !== undefined, {
    message: 'give a transaction id or an invoice number',
    path: ['transactionId']
  })

export const cancelPreviewSchema = z.object({
  transactionId: z.number(),
  invoiceNumber: z.string().nullable(),
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

export const cancelResultSchema = z.object({
  transactionId: z.number(),
  stampsTakenBack: z.number(),
  stampsRemaining: z.number(),
  level: z.string()
})

/** Corrections to a failed queued sale; omitted fields keep their queued values. */
export const saleFixSchema = z
  .object({
    user: user.optional(),
    invoiceNumber: z.string().trim().min(1).max(100).optional(),
    items: z.array(saleItemSchema).max(200).optional(),
    subtotal: z.number().nonnegative().nullable().optional(),
    discount: z.number().nonnegative().optional(),
    serviceCharge: z.number().nonnegative().optional(),
    tax: z.number().nonnegative().optional(),
    totalValue: z.number().nonnegative().optional()
  })
  .strict()

export const receiptPreviewSchema = z.object({
  jobId: z.number().int(),
  kind: z.string(),
  label: z.string().nullable(),
  columns: z.number().int(),
  /** The printed bytes decoded back, one string per printed line (what the paper shows). */
  lines: z.array(z.string())
})
