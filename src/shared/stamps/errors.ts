/**
 * Error bodies of the Stamps API. The service is Django REST Framework: every error carries
 * `detail`; validation errors differ per endpoint, and clients must read all three forms.
 */
import { z } from 'zod'

/** `{"detail": "..."}`: auth (401/403), https (403), method (405), not found (404), size (413). */
export const detailErrorSchema = z.object({ detail: z.string() })

/** transactions/add validation: a list of one-field objects. In XML: `<validation_errors>`. */
export const transactionErrorsSchema = z.object({
  detail: z.string(),
  errors: z.array(z.record(z.string(), z.string()))
})

/** Balance endpoints (and transactions/cancel) name field errors in one object. */
export const fieldErrorsSchema = z.object({
  detail: z.string().optional(),
  errors: z.record(z.string(), z.string())
})

/** memberships/details for an unknown user. */
export const membershipErrorSchema = z.object({
  errors: z.record(z.string(), z.string()),
  error_message: z.string(),
  error_code: z.string(),
  detail: z.string()
})

export type TransactionErrors = z.infer<typeof transactionErrorsSchema>
export type FieldErrors = z.infer<typeof fieldErrorsSchema>

/** The summary line the documents print above a transaction's field errors. */
export const TRANSACTION_ERROR_DETAIL = 'Your transaction cannot be completed due to the following error(s)'

/** Exact `detail` texts of the documented error answers. */
export const ERROR_TEXT = {
  https: 'Please use https instead of http',
  noCredentials: 'Authentication credentials were not provided.',
  badCredentials: 'Invalid token',
  notFound: 'Not found.',
  required: 'This field is required.',
  methodNotAllowed: (method: string) => `Method "${method}" not allowed.`,
  tooLarge: 'Request body is too large.',
  userNotFound: 'User not found',
  /** transactions/add for an invoice number the store already used that day (an `invoice_number` field error). */
  duplicateInvoice: 'Transaction with this invoice number already exists',
  /** The v2 cancel's 404 as documented; it names an id the call does not have (digest item 13). */
  transactionNotFound: 'Cannot find transaction of the requested transaction id',
  badDate: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
  badDatetime:
    'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'
} as const

/** Flattens any of the error forms into `field -> message` pairs for display. */
export function fieldMessages(body: unknown): Array<[string, string]> {
  if (!body || typeof body !== 'object') return []
  const errors = (body as { errors?: unknown }).errors
  if (Array.isArray(errors)) return errors.flatMap((e) => Object.entries(e as Record<string, string>))
  if (errors && typeof errors === 'object') return Object.entries(errors as Record<string, string>)
  return []
}
