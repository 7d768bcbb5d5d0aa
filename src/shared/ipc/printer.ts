/**
 * Printer domain: the receipt printer's state, its job queue (held jobs wait for a person),
 * previews decoded from the printed bytes, and reprints.
 */
import { z } from 'zod'
import { printJobSchema, printJobStateSchema, printerStatusSchema } from '../receipt/printer-status'
import { byId, candidatesSchema, channel, empty, event } from './contract'

export const receiptPreviewSchema = z.object({
  jobId: z.number().int(),
  kind: z.string(),
  label: z.string().nullable(),
  columns: z.number().int(),
  /** The printed bytes decoded back, one string per printed line (what the paper shows). */
  lines: z.array(z.string())
})

/** A printer model of the encoder's database, as the admin picks it (`?model=` on the spec). */
export const printerModelSchema = z.object({ id: z.string(), name: z.string(), columns: z.number().int() })

export const printerChannels = {
  'printer:status': channel({ request: empty, response: printerStatusSchema }),
  'printer:test': channel({ request: empty, response: printJobSchema }),
  'printer:jobs': channel({
    request: z
      .object({ state: printJobStateSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    response: z.object({ jobs: z.array(printJobSchema) })
  }),
  'printer:retry': channel({ request: byId, response: printJobSchema }),
  /** Discarding a receipt loses it: a person with a session decides, as for queued sales. */
  'printer:discard': channel({ request: byId, response: printJobSchema, session: 'cashier' }),
  'printer:preview': channel({
    request: z.object({ jobId: z.number().int().positive() }).strict(),
    response: receiptPreviewSchema
  }),
  /** A copy of a job (the last one when no id is given). */
  'printer:reprint': channel({
    request: z.object({ jobId: z.number().int().positive().optional() }).strict(),
    response: z.object({ jobId: z.number().int() })
  }),
  /** Local USB/serial printer devices as printer specs, for the admin's "choose" list. */
  'printer:candidates': channel({ request: empty, response: candidatesSchema, session: 'admin' }),
  /** The models a spec may name with `?model=`: their columns, code page and features follow. */
  'printer:models': channel({
    request: empty,
    response: z.object({ models: z.array(printerModelSchema) }),
    session: 'admin'
  })
} as const

export const printerEvents = {
  /** A print job changed state (queued, printing, printed, held, discarded). */
  'printer:job': event(printJobSchema)
} as const
