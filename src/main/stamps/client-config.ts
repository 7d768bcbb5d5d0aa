/** The Stamps client's settings, validated once at startup (a bad config refuses to start). */
import { z } from 'zod'

export const retryPolicySchema = z.object({
  /** Total tries including the first. 1 means no retry. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
  baseMs: z.number().int().min(0).default(200),
  capMs: z.number().int().min(0).default(5_000)
})

/** `token`: a static merchant key; `jwt`: key + merchant id exchanged for a 24-hour Bearer token. */
export const credentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), key: z.string().min(1).max(512) }),
  z.object({ kind: z.literal('jwt'), key: z.string().min(1).max(512), merchantId: z.number().int().positive() })
])

export const stampsClientConfigSchema = z.object({
  baseUrl: z.url().transform((u) => u.replace(/\/+$/, '')),
  credential: credentialSchema,
  timeoutMs: z.number().int().positive().default(10_000),
  retry: retryPolicySchema.default({ maxAttempts: 3, baseMs: 200, capMs: 5_000 }),
  /** Wait before reading activities after an ambiguous credit/debit, so a slow commit shows. */
  reconcileSettleMs: z.number().int().min(0).default(1_500),
  /** Pages of activities read (20 each) when looking for a balance update. */
  reconcilePages: z.number().int().min(1).max(10).default(3)
})

export type RetryPolicy = z.infer<typeof retryPolicySchema>
export type Credential = z.infer<typeof credentialSchema>
export type StampsClientConfig = z.infer<typeof stampsClientConfigSchema>
export type StampsClientConfigInput = z.input<typeof stampsClientConfigSchema>
