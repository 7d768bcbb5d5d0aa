/**
 * Queue domain: the durable outbox of sales as the desk sees it. A failed sale waits here for a
 * person to fix and resend it, or to discard it (discarding needs a cashier session).
 */
import { z } from 'zod'
import { saleItemSchema } from '../stamps/transactions'
import { byId, channel, done, empty, event } from './contract'

const itemState = z.enum(['queued', 'sending', 'posted', 'failed', 'discarded'])
const fieldErrors = z.array(z.tuple([z.string(), z.string()]))

export const outboxItemSchema = z.object({
  id: z.number().int(),
  invoiceNumber: z.string(),
  store: z.number().int(),
  state: itemState,
  attempts: z.number().int(),
  totalValue: z.number(),
  user: z.string(),
  lastError: z.string().nullable(),
  fieldErrors,
  createdAt: z.number(),
  /** The queued figures, to prefill the fix-and-resend form. */
  sale: z
    .object({
      items: z.array(saleItemSchema),
      subtotal: z.number().nullable(),
      discount: z.number(),
      serviceCharge: z.number(),
      tax: z.number()
    })
    .optional()
})
export type OutboxItem = z.infer<typeof outboxItemSchema>

/** Corrections to a failed queued sale; omitted fields keep their queued values. */
export const saleFixSchema = z
  .object({
    user: z.string().trim().min(1).max(254).optional(),
    invoiceNumber: z.string().trim().min(1).max(100).optional(),
    items: z.array(saleItemSchema).max(200).optional(),
    subtotal: z.number().nonnegative().nullable().optional(),
    discount: z.number().nonnegative().optional(),
    serviceCharge: z.number().nonnegative().optional(),
    tax: z.number().nonnegative().optional(),
    totalValue: z.number().nonnegative().optional()
  })
  .strict()

export const queueChannels = {
  'outbox:list': channel({ request: empty, response: z.object({ items: z.array(outboxItemSchema) }) }),
  'outbox:resend': channel({
    request: z.object({ id: z.number().int().positive(), fix: saleFixSchema.default({}) }).strict(),
    response: outboxItemSchema,
    session: 'cashier'
  }),
  'outbox:discard': channel({ request: byId, response: done, session: 'cashier' }),
  /** Sends what is queued now instead of at the next backoff, and checks Stamps again. */
  'outbox:retry-now': channel({ request: empty, response: done })
} as const

export const queueEvents = {
  /** A queued sale changed state: the queue view refreshes that row. */
  'outbox:changed': event(
    z.object({
      id: z.number().int(),
      state: itemState,
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      fieldErrors
    })
  )
} as const
