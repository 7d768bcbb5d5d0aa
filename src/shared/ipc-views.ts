/** The shapes the screens see: members, sales, queue items and status, free of secrets. */
import { z } from 'zod'
import {
  authStateSchema,
  candidatesSchema,
  pinSchema,
  roleSchema,
  scannerViewSchema,
  settingsPatchSchema,
  settingsViewSchema,
  upstreamTestSchema
} from './ipc-admin'
import {
  balanceCancelResultSchema,
  balanceOutcomeSchema,
  balanceRequestSchema,
  cancelPreviewRequestSchema,
  cancelPreviewSchema,
  cancelResultSchema,
  lastBalanceSchema,
  receiptPreviewSchema,
  saleFixSchema
} from './ipc-desk'
import { printJobSchema, printJobStateSchema, printerStatusSchema } from './receipt/printer-status'
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

const deviceState = z.enum([
  'ok',
  'connected',
  'disconnected',
  'paper-out',
  'offline',
  'not-found',
  'permission-denied',
  'none'
])

export const statusSchema = z.object({
  upstream: z.object({ reachable: z.boolean(), embedded: z.boolean(), checkedAt: z.number().nullable() }),
  queue: z.object({ pending: z.number().int(), failed: z.number().int() }),
  printer: z.object({ state: deviceState, detail: z.string().optional(), held: z.number().int() }),
  scanner: z.object({ state: deviceState, detail: z.string().optional() }),
  mode: z.enum(['kiosk', 'cashier']),
  language: z.enum(['id', 'en']),
  idleTimeoutSeconds: z.number().int(),
  /** Saved settings wait for a restart (upstream, credentials, store, ports, scanner). */
  restartNeeded: z.boolean().optional(),
  /** Roles still on the factory PIN: the status bar says "default PIN, change it". */
  defaultPins: z.array(z.enum(['cashier', 'admin'])).optional()
})

/** A cashier's sale before it is posted; amounts in rupiah, checked for consistency in main. */
export const saleInputSchema = z
  .object({
    user: z.string().trim().min(1).max(254),
    /** Fixed by the caller before the first try: a repeat carries the same key and cannot post twice. */
    invoiceNumber: z.string().trim().min(1).max(100),
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
  receiptJobId: z.number().int().nullable(),
  /** For `already-posted`: the receipt printed the first time, to preview or reprint by invoice. */
  previousReceiptJobId: z.number().int().nullable().optional()
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

const empty = z.object({}).strict()
const byId = z.object({ id: z.number().int().positive() }).strict()
const done = z.object({ ok: z.literal(true) })

/**
 * Channels of the cashier desk and admin screens (issue: the app, part 2). Session rules and
 * refusal fields: see ipc-admin.ts; money rules: see ipc-desk.ts. Needs a cashier session:
 * balance:*, sale:cancel*, outbox:resend, outbox:discard. Needs an admin session:
 * settings:save, settings:test-upstream, auth:set-pin, scanner:test-start.
 */
export const cashierChannels = {
  'auth:state': { request: empty, response: authStateSchema },
  'auth:unlock': { request: z.object({ role: roleSchema, pin: pinSchema }).strict(), response: authStateSchema },
  'auth:lock': { request: empty, response: done },
  /** Admin only; refused when the PIN is a factory default or opens the other role. */
  'auth:set-pin': { request: z.object({ role: roleSchema, pin: pinSchema }).strict(), response: authStateSchema },
  'balance:credit': { request: balanceRequestSchema, response: balanceOutcomeSchema },
  'balance:debit': { request: balanceRequestSchema, response: balanceOutcomeSchema },
  /** Asks Stamps again about an `unknown` outcome; never resends the update. */
  'balance:reconcile': {
    request: z.object({ ticketId: z.string().min(1).max(64) }).strict(),
    response: balanceOutcomeSchema
  },
  /** Outcomes still unknown at this till (kept in memory until reconciled or restart). */
  'balance:unknowns': { request: empty, response: z.object({ items: z.array(balanceOutcomeSchema) }) },
  'balance:last': { request: empty, response: z.object({ last: lastBalanceSchema.nullable() }) },
  /** Reverses the last posted update at this till, once; the id must be the one the screen shows. */
  'balance:cancel-last': {
    request: z.object({ balanceUpdateId: z.number().int().positive() }).strict(),
    response: balanceCancelResultSchema
  },
  'sale:cancel-preview': { request: cancelPreviewRequestSchema, response: cancelPreviewSchema },
  /** Insufficient stamps is a `validation` refusal with fields [['info', <Stamps' text>]]. */
  'sale:cancel': {
    request: z.object({ transactionId: z.number().int().positive() }).strict(),
    response: cancelResultSchema
  },
  'outbox:resend': {
    request: z.object({ id: z.number().int().positive(), fix: saleFixSchema.default({}) }).strict(),
    response: outboxItemSchema
  },
  'outbox:retry-now': { request: empty, response: done },
  'printer:status': { request: empty, response: printerStatusSchema },
  'printer:test': { request: empty, response: printJobSchema },
  'printer:jobs': {
    request: z
      .object({ state: printJobStateSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.object({ jobs: z.array(printJobSchema) })
  },
  'printer:retry': { request: byId, response: printJobSchema },
  'printer:discard': { request: byId, response: printJobSchema },
  'printer:preview': {
    request: z.object({ jobId: z.number().int().positive() }).strict(),
    response: receiptPreviewSchema
  },
  /** Reprints the sale's receipt; a receipt printed as "stamps pending" is printed anew with Stamps' figures. */
  'printer:reprint-invoice': {
    request: z.object({ invoiceNumber: z.string().trim().min(1).max(100) }).strict(),
    response: printJobSchema
  },
  'settings:get': { request: empty, response: settingsViewSchema },
  'settings:save': {
    request: z.object({ patch: settingsPatchSchema }).strict(),
    response: settingsViewSchema.extend({ applied: z.array(z.string()) })
  },
  'settings:test-upstream': {
    request: upstreamTestSchema,
    response: z.object({ merchant: z.string(), merchantId: z.number() })
  },
  'scanner:status': { request: empty, response: scannerViewSchema },
  /** Admin only: attached HID devices as scanner specs, for the "choose" list. */
  'scanner:devices': { request: empty, response: candidatesSchema },
  /** Admin only: local USB/serial printer devices as printer specs (network printers are typed). */
  'printer:candidates': { request: empty, response: candidatesSchema },
  'scanner:test-start': { request: empty, response: scannerViewSchema },
  'scanner:test-stop': { request: empty, response: scannerViewSchema },
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
