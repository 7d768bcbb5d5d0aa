/** Wire schemas of the Balance API: credit, debit and cancel. */
import { z } from 'zod'
import { idNumber, rupiah, tokenField, userIdentifier } from './wire-values'

/**
 * POST /api/balances/credit and /debit. `amount` is positive: the endpoint gives the direction.
 * `type` defaults to `stamps` (the documents' cURL lines omit it); any other value is refused.
 * Money hazard: these carry no idempotency key, so a client never retries one blindly.
 */
export const balanceUpdateRequestSchema = z.object({
  token: tokenField.optional(),
  user: userIdentifier,
  amount: rupiah.pipe(z.number().positive().max(1_000_000_000_000)),
  type: z.literal('stamps').default('stamps'),
  merchant: idNumber,
  store: idNumber
})

export const balanceCustomerSchema = z.object({ id: z.number(), balance: z.number(), status: z.string() })

export const balanceUpdateResponseSchema = z.object({
  customer: balanceCustomerSchema,
  balance_update: z.object({ id: z.number(), amount: z.number() })
})

/** POST /api/balances/cancel: the documents send the id as a string and as a number. */
export const balanceCancelRequestSchema = z.object({ token: tokenField.optional(), id: idNumber })

export const balanceCancelResponseSchema = z.object({
  customer: balanceCustomerSchema,
  balance_update: z.object({ id: z.number(), amount: z.number(), status: z.literal('Canceled') })
})

export type BalanceUpdateRequest = z.input<typeof balanceUpdateRequestSchema>
export type BalanceUpdateResponse = z.infer<typeof balanceUpdateResponseSchema>
export type BalanceCancelResponse = z.infer<typeof balanceCancelResponseSchema>
