/** Printer status and print job shapes, shared by main, IPC and the on-screen status. */
import { z } from 'zod'

/**
 * `state` uses the device states of the status bar; `connected` means the transport accepts
 * bytes but cannot read status back (device file, serial), so paper and cover are unknown.
 */
export const printerStateSchema = z.enum([
  'ok',
  'connected',
  'disconnected',
  'paper-out',
  'offline',
  'not-found',
  'permission-denied'
])
export type PrinterState = z.infer<typeof printerStateSchema>

export const printerStatusSchema = z.object({
  state: printerStateSchema,
  /** null when the transport cannot read the printer's answer. */
  online: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  paper: z.enum(['ok', 'near-end', 'out', 'unknown']),
  detail: z.string().optional()
})
export type PrinterStatus = z.infer<typeof printerStatusSchema>

export const printJobStateSchema = z.enum(['queued', 'printing', 'printed', 'held', 'discarded'])
export type PrintJobState = z.infer<typeof printJobStateSchema>

export const printJobKindSchema = z.enum([
  'receipt',
  'member-slip',
  'balance-slip',
  'redemption-slip',
  'shift-summary',
  'test',
  'raw'
])
export type PrintJobKind = z.infer<typeof printJobKindSchema>

/** Why a job is held; `interrupted` = it was being sent when the app stopped. */
export const heldCodeSchema = z.enum([
  'paper-out',
  'offline',
  'unreachable',
  'not-found',
  'permission-denied',
  'io',
  'interrupted',
  'error'
])
export type HeldCode = z.infer<typeof heldCodeSchema>

/** A job as listed to people: everything but the bytes. */
export const printJobSchema = z.object({
  id: z.number().int(),
  kind: printJobKindSchema,
  state: printJobStateSchema,
  heldCode: heldCodeSchema.nullable(),
  /** Why a job is held, in words for the person at the printer. */
  reason: z.string().nullable(),
  /** Free text to find the job again, e.g. the invoice number. */
  label: z.string().nullable(),
  reprintOf: z.number().int().nullable(),
  attempts: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  printedAt: z.number().nullable()
})
export type PrintJob = z.infer<typeof printJobSchema>
