/**
 * Balances domain: credit and debit a member's balance at the till, reconcile an unknown outcome,
 * cancel the last update. Every channel needs a cashier session.
 *
 * Money hazard: balance updates carry no idempotency key upstream. `requestId` is the
 * screen's key for one confirmed intent (one per confirm dialog): a repeat with the same id,
 * from a double click or a retried IPC, gets the first answer and never a second update.
 */
import { z } from 'zod'
import { channel, empty } from './contract'

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

export const balanceChannels = {
  'balance:credit': channel({ request: balanceRequestSchema, response: balanceOutcomeSchema, session: 'cashier' }),
  'balance:debit': channel({ request: balanceRequestSchema, response: balanceOutcomeSchema, session: 'cashier' }),
  /** Asks Stamps again about an `unknown` outcome; never resends the update. */
  'balance:reconcile': channel({
    request: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    response: balanceOutcomeSchema,
    session: 'cashier'
  }),
  /** Outcomes still unknown at this till (kept on disk until reconciled). */
  'balance:unknowns': channel({
    request: empty,
    response: z.object({ items: z.array(balanceOutcomeSchema) }),
    session: 'cashier'
  }),
  'balance:last': channel({
    request: empty,
    response: z.object({ last: lastBalanceSchema.nullable() }),
    session: 'cashier'
  }),
  /** Reverses the last posted update at this till, once; the id must be the one the screen shows. */
  'balance:cancel-last': channel({
    request: z.object({ balanceUpdateId: z.number().int().positive() }).strict(),
    response: balanceCancelResultSchema,
    session: 'cashier'
  })
} as const
