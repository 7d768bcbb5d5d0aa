/** Validates a sale for the queue and derives its key: store, invoice number, local date. */
import { localDay, STORE_TIME_ZONE } from '../../shared/local-day'
import { addTransactionRequestSchema, parseIsoDateTime, type AddTransactionRequest } from '../../shared/stamps'
import { errorFromZod, StampsError } from '../stamps/stamps-error'

export type QueuedSale = Omit<AddTransactionRequest, 'token'>

export interface PreparedSale {
  sale: QueuedSale
  store: number
  invoice_number: string
  local_date: string
}

/**
 * Throws a validation StampsError for a sale the upstream would refuse anyway. Pins `created`
 * to now when absent: otherwise a sale queued at 23:59 and sent at 00:01 would land on the next
 * day, where its invoice number is free, and a replay could post it twice across midnight.
 * The key never holds the credential: the queue stores sales, not secrets.
 */
export function prepareSale(input: unknown, now: number, timeZone = STORE_TIME_ZONE): PreparedSale {
  const parsed = addTransactionRequestSchema.safeParse(input)
  if (!parsed.success) throw errorFromZod(parsed.error)
  const { token: _token, ...sale } = parsed.data
  if (!sale.created) sale.created = new Date(now).toISOString()
  const at = parseIsoDateTime(sale.created)
  if (Number.isNaN(at)) {
    const fieldErrors: Array<[string, string]> = [['created', 'Enter a valid date/time.']]
    throw new StampsError({ kind: 'validation', detail: 'Refused before sending', fieldErrors, ambiguous: false })
  }
  return { sale, store: sale.store, invoice_number: sale.invoice_number, local_date: localDay(at, timeZone) }
}
