/** A queued sale as the outbox file holds it, and the row-to-item mapping every read goes through. */
import type { z } from 'zod'
import { queuedTransactionResponseSchema } from '../../shared/stamps'
import type { QueuedSale } from './sale-key'

/**
 * Every state is on disk. 'sending': a send is under way, or was when the app stopped (then
 * the upstream may or may not hold the sale: it goes back to 'queued' and is sent again, which
 * the duplicate-invoice rule makes safe). 'sending' with `duplicate`: the upstream answered
 * duplicate-invoice, so the sale is there; what it earned is still being looked up.
 */
export type OutboxState = 'queued' | 'sending' | 'posted' | 'failed' | 'discarded'

/** What a posted sale answered: the upstream's answer, or what a duplicate's lookup recovered. */
export const postedResponseSchema = queuedTransactionResponseSchema.pick({ customer: true, transaction: true })
export type PostedResponse = z.infer<typeof postedResponseSchema>

export interface OutboxItem {
  id: number
  store: number
  invoice_number: string
  local_date: string
  sale: QueuedSale
  state: OutboxState
  /** Sends begun, counted as each one starts (a send cut short by a stop counts too). */
  attempts: number
  next_attempt_at: number
  last_error: string | null
  field_errors: Array<[string, string]>
  response: PostedResponse | null
  /** The upstream answered duplicate-invoice: an earlier attempt posted it. */
  duplicate: boolean
  /** The loyalty receipt this sale is owed, until its print job exists. */
  receipt: 'owed' | 'issued' | null
  created_at: number
  updated_at: number
  posted_at: number | null
  /** When Stamps confirmed a cancel of this posted sale (the desk's cancel); null otherwise. */
  canceled_at: number | null
}

export interface OutboxRow extends Omit<OutboxItem, 'sale' | 'field_errors' | 'response' | 'duplicate'> {
  payload: string
  field_errors: string | null
  response: string | null
  duplicate: number
}

export const toItem = (r: OutboxRow): OutboxItem => ({
  ...r,
  sale: JSON.parse(r.payload) as QueuedSale,
  field_errors: r.field_errors ? (JSON.parse(r.field_errors) as Array<[string, string]>) : [],
  response: r.response ? (JSON.parse(r.response) as PostedResponse) : null,
  duplicate: r.duplicate === 1
})
