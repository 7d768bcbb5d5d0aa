/** The shapes the screens see: members, sales, queue items and status, free of secrets. */
import { z } from 'zod'
import { saleItemSchema } from './stamps/transactions'

/** A member as the kiosk and the till show them; in kiosk mode the name arrives masked. */
export const memberViewSchema = z.object({
  user: z.string(),
  name: z.string(),
  cardLast4: z.string().nullable(),
  level: z.number(),
  levelText: z.string(),
  stamps: z.number(),
  balance: z.number(),
  isBlocked: z.boolean()
})

const deviceState = z.enum(['ok', 'connected', 'disconnected', 'paper-out', 'offline', 'not-found', 'permission-denied', 'none'])

export const statusSchema = z.object({
  upstream: z.object({ reachable: z.boolean(), embedded: z.boolean(), checkedAt: z.number().nullable() }),
  queue: z.object({ pending: z.number().int(), failed: z.number().int() }),
  printer: z.object({ state: deviceState, detail: z.string().optional(), held: z.number().int() }),
  scanner: z.object({ state: deviceState, detail: z.string().optional() }),
  mode: z.enum(['kiosk', 'cashier']),
  language: z.enum(['id', 'en']),
  idleTimeoutSeconds: z.number().int()
})

/** A cashier's sale before it is posted; amounts in rupiah, checked for consistency in main. */
export const saleInputSchema = z
  .object({
    user: z.string().trim().min(1).max(254),
    invoiceNumber: z.string().trim().min(1).max(100).optional(),
    items: z.array(saleItemSchema).max(200).default([]),
    subtotal: z.number().nonnegative().optional(),
    discount: z.number().nonnegative().default(0),
    serviceCharge: z.number().nonnegative().default(0),
    tax: z.number().nonnegative().default(0),
    totalValue: z.number().nonnegative()
  })
  .strict()

export const saleResultSchema = z.object({
  state: z.enum(['posted', 'queued', 'already-posted']),
  invoiceNumber: z.string(),
  outboxId: z.number().int(),
  stampsEarned: z.number().nullable(),
  stampsRemaining: z.number().nullable(),
  receiptJobId: z.number().int().nullable()
})

export const outboxItemSchema = z.object({
  id: z.number().int(),
  invoiceNumber: z.string(),
  store: z.number().int(),
  state: z.enum(['queued', 'sending', 'posted', 'failed', 'discarded']),
  attempts: z.number().int(),
  totalValue: z.number(),
  user: z.string(),
  lastError: z.string().nullable(),
  fieldErrors: z.array(z.tuple([z.string(), z.string()])),
  createdAt: z.number()
})

/** Channels of the cashier desk and admin screens (issue: the app, part 2). */
export const cashierChannels = {
  'outbox:list': { request: z.object({}).strict(), response: z.object({ items: z.array(outboxItemSchema) }) },
  'outbox:discard': {
    request: z.object({ id: z.number().int().positive() }).strict(),
    response: z.object({ ok: z.literal(true) })
  },
  'printer:reprint': {
    request: z.object({ jobId: z.number().int().positive().optional() }).strict(),
    response: z.object({ jobId: z.number().int() })
  }
} as const

export type MemberView = z.infer<typeof memberViewSchema>
export type Status = z.infer<typeof statusSchema>
export type SaleInput = z.input<typeof saleInputSchema>
export type SaleResult = z.infer<typeof saleResultSchema>
export type OutboxItem = z.infer<typeof outboxItemSchema>
