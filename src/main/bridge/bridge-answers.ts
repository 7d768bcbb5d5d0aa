/**
 * What the receipt bridge answers its host POS, endpoint by endpoint, independent of HTTP:
 * Stamps' own answers passed through, a 202 for a queued sale, and honest words when Stamps
 * cannot say whether money moved.
 */
import {
  queuedTransactionResponseSchema,
  TRANSACTION_ERROR_DETAIL,
  type AddTransactionRequest
} from '../../shared/stamps'
import { DomainError } from '../domain-error'
import type { SaleService, SaleSubmission } from '../sales/sale-service'
import { StampsError, type StampsClient } from '../stamps'
import type { BalanceOutcome } from '../stamps'

/** An HTTP-free answer: status, JSON-able body, and its XML form where that differs. */
export interface BridgeAnswer {
  status: number
  body: unknown
  xml?: unknown
}

export const BRIDGE_TEXT = {
  unreachable: 'Stamps could not be reached; nothing was changed. Try again.',
  balanceUnknown:
    "Stamps did not confirm this balance update and it may or may not have been applied. Check the member's history before trying again.",
  discarded: 'This sale was discarded at the till and will not be posted.',
  diskFull:
    "The till's disk is full: this sale was NOT recorded and will not be posted. Free disk space on the till, then send it again.",
  diskError:
    "The till's disk reported a write error: this sale was NOT recorded and will not be posted. Check the disk, then send it again.",
  balanceNotFound:
    "Stamps did not answer, and the member's history shows no such update after two checks: it was most likely not applied. Check the history before trying again."
} as const

/** A Stamps failure as the POS should see it: the upstream's own answer when there was one. */
export function answerFromError(err: unknown): BridgeAnswer {
  if (err instanceof StampsError && err.status > 0 && err.body !== undefined)
    return { status: err.status, body: err.body }
  if (err instanceof StampsError && err.kind === 'validation') {
    return { status: 400, body: { detail: err.detail, errors: Object.fromEntries(err.fieldErrors) } }
  }
  return { status: 503, body: { detail: BRIDGE_TEXT.unreachable } }
}

/** transactions/add: 200 with Stamps' answer, 202 with `pending` when queued, 400 when refused. */
export async function answerSale(
  sales: SaleService,
  sale: AddTransactionRequest,
  waitMs: number
): Promise<BridgeAnswer> {
  let result: SaleSubmission
  try {
    result = await sales.submit(sale, waitMs, { answerBeforeReceipt: true })
  } catch (err) {
    // Not on disk, so never a 200 or 202: 507 Insufficient Storage (or 503 for a failing disk)
    // with a code, and the POS keeps the sale to send again.
    if (err instanceof DomainError && err.code === 'disk-full')
      return { status: 507, body: { detail: BRIDGE_TEXT.diskFull, code: 'disk-full' } }
    if (err instanceof DomainError && err.code === 'disk-error')
      return { status: 503, body: { detail: BRIDGE_TEXT.diskError, code: 'disk-error' } }
    // Refused before queueing (e.g. a date that does not exist, or another sale under an
    // invoice number this store used today): the documented error list, as Stamps words it.
    if (!(err instanceof StampsError) || (err.kind !== 'validation' && err.kind !== 'duplicate')) throw err
    return saleErrors(err.fieldErrors)
  }
  switch (result.state) {
    case 'posted':
    case 'already-posted':
      return { status: 200, body: result.response }
    case 'queued':
      return {
        status: 202,
        body: queuedTransactionResponseSchema.parse({
          pending: true,
          invoice_number: result.sale.invoice_number,
          store: result.sale.store,
          customer: { status: null, id: null, stamps_remaining: null },
          transaction: { stamps_earned: null, id: null, value: result.sale.total_value }
        })
      }
    case 'failed':
      return saleErrors(result.fieldErrors)
    case 'discarded':
      return { status: 400, body: { detail: BRIDGE_TEXT.discarded } }
  }
}

/** The documented transaction error envelope, in JSON and XML forms. */
function saleErrors(fieldErrors: Array<[string, string]>): BridgeAnswer {
  const list = fieldErrors.map(([field, message]) => ({ [field]: message }))
  return {
    status: 400,
    body: { detail: TRANSACTION_ERROR_DETAIL, errors: list },
    xml: { validation_errors: list, detail: TRANSACTION_ERROR_DETAIL }
  }
}

/**
 * balances/credit and /debit. Money hazard: never retried blindly; an ambiguous failure that
 * reconciliation cannot settle is a 504 telling a person to check, never a guess either way.
 */
export async function answerBalance(
  client: StampsClient,
  direction: 'credit' | 'debit',
  request: Parameters<StampsClient['credit']>[0]
): Promise<BridgeAnswer> {
  let outcome: BalanceOutcome
  try {
    outcome = await client[direction](request)
  } catch (err) {
    return answerFromError(err)
  }
  if (outcome.outcome === 'posted') {
    if (outcome.response) return { status: 200, body: outcome.response }
    return { status: 200, body: await reconciledBody(client, request, outcome.balance_update_id) }
  }
  if (outcome.outcome === 'not-posted') {
    // After an ambiguous failure, "not posted" comes from reading the history twice: very
    // likely right, never certain (a held request could still commit), so never "try again".
    if (outcome.reconciled) return { status: 503, body: { detail: BRIDGE_TEXT.balanceNotFound, reconciled: true } }
    return answerFromError(outcome.error)
  }
  return { status: 504, body: { detail: BRIDGE_TEXT.balanceUnknown, reason: outcome.reason } }
}

/** A reconciled update has no answer body: rebuild the documented one from the member's record. */
async function reconciledBody(
  client: StampsClient,
  request: Parameters<StampsClient['credit']>[0],
  updateId: number | null
): Promise<unknown> {
  const details = await client.membership({ user: request.user, merchant: request.merchant }).catch(() => null)
  return {
    customer: details
      ? { id: details.user.id, balance: details.membership.balance, status: details.membership.level_text }
      : null,
    balance_update: { id: updateId, amount: Number(request.amount) },
    reconciled: true
  }
}

/** Reads and the cancels: Stamps' answer, or its error, passed through. */
export async function answerPassThrough(call: () => Promise<unknown>): Promise<BridgeAnswer> {
  try {
    return { status: 200, body: await call() }
  } catch (err) {
    if (err instanceof StampsError && err.ambiguous && err.status === 0) {
      return { status: 504, body: { detail: 'Stamps did not answer in time; check before repeating a change.' } }
    }
    return answerFromError(err)
  }
}
