/**
 * Capture domain: the jobs the POS printed through the host (what each was read as, so a person
 * sees the receipts that could not be read with confidence) and the admin's template test.
 */
import { z } from 'zod'
import { receiptTemplateSchema } from '../capture/receipt-template'
import { channel } from './contract'

export const receiptReadingSchema = z.object({
  kind: z.enum(['sale', 'unsure', 'other']),
  template: z.string(),
  invoice: z.string().nullable(),
  total: z.number().nullable(),
  dateTime: z.string().nullable(),
  problems: z.array(z.string())
})

export const capturedJobSchema = z.object({
  id: z.number().int(),
  state: z.enum(['receiving', 'captured', 'forwarding', 'forwarded', 'held', 'interrupted']),
  kind: z.enum(['sale', 'unsure', 'other']).nullable(),
  size: z.number().int(),
  receivedAt: z.number(),
  forwardedAt: z.number().nullable(),
  footer: z.boolean(),
  reason: z.string().nullable(),
  reading: receiptReadingSchema.nullable(),
  /** The receipt's text as printed, for a person to read. */
  lines: z.array(z.string())
})
export type CapturedJob = z.infer<typeof capturedJobSchema>

export const captureChannels = {
  'capture:jobs': channel({
    request: z
      .object({
        kind: z.enum(['sale', 'unsure', 'other']).optional(),
        limit: z.number().int().min(1).max(200).optional()
      })
      .strict(),
    response: z.object({ jobs: z.array(capturedJobSchema) }),
    session: 'cashier'
  }),
  /** What a template (being written in admin) reads off the last captured jobs; nothing is posted. */
  'capture:test-template': channel({
    request: z.object({ template: receiptTemplateSchema, limit: z.number().int().min(1).max(50).optional() }).strict(),
    response: z.object({ results: z.array(z.object({ jobId: z.number().int(), reading: receiptReadingSchema })) }),
    session: 'admin'
  })
} as const
