/** Transaction API routes: add (JSON and XML), both cancels, and the earnings preview. */
import type { FastifyInstance } from 'fastify'
import { ERROR_TEXT } from '../../shared/stamps/errors'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import {
  addTransactionRequestSchema,
  cancelTransactionByInvoiceRequestSchema,
  cancelTransactionRequestSchema,
  previewEarningsQuerySchema
} from '../../shared/stamps/transactions'
import { Answer, registerEndpoint } from '../../platform/http/endpoint'
import type { ServerContext } from '../http/server-context'
import type { Db } from '../db/open-db'
import { LEDGER_TEXT, LedgerError } from '../ledger/ledger-error'
import { getStore } from '../ledger/merchants'
import { cancelTransaction, cancelTransactionByInvoice } from '../ledger/transaction-cancel'
import { addTransaction, previewEarnings } from '../ledger/transactions'

/**
 * Checks beside the schema, so one answer lists every bad field as the documents' example does:
 * `user` (current name) or `user_email` (the documents' name) must be given, and `store` must be
 * one of the caller's stores.
 */
function saleChecks(db: Db, data: unknown, merchantId: number): Record<string, string> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {}
  const d = data as Record<string, unknown>
  const out: Record<string, string> = {}
  const storeId = typeof d.store === 'string' && /^\d+$/.test(d.store) ? Number(d.store) : d.store
  if (Number.isSafeInteger(storeId) && getStore(db, storeId as number)?.merchant_id !== merchantId)
    out.store = LEDGER_TEXT.invalidChoice
  if (d.user === undefined && d.user_email === undefined) out.user = LEDGER_TEXT.required
  return out
}

export function transactionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.addTransaction,
    schema: addTransactionRequestSchema,
    errors: 'transaction',
    stringFields: ['token', 'user', 'user_email', 'invoice_number'],
    check: (data, merchantId) => saleChecks(ctx.db, data, merchantId),
    handle: (merchantId, input) => addTransaction(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.cancelTransaction,
    schema: cancelTransactionRequestSchema,
    errors: 'bare-fields',
    handle: (merchantId, input) =>
      cancelTransaction(ctx.db, merchantId, input.id, Date.now(), {
        cancelRelatedRedemptions: input.cancel_related_redemptions === true
      })
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.cancelTransactionByInvoice,
    schema: cancelTransactionByInvoiceRequestSchema,
    errors: 'bare-fields',
    stringFields: ['token', 'invoice_number'],
    handle: (merchantId, input) => {
      try {
        return cancelTransactionByInvoice(ctx.db, merchantId, input)
      } catch (err) {
        // its documented 404 has its own text, not the generic "Not found."
        if (err instanceof LedgerError && err.kind === 'not_found')
          return new Answer(404, { detail: ERROR_TEXT.transactionNotFound })
        throw err
      }
    }
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.previewEarnings,
    schema: previewEarningsQuerySchema,
    errors: 'fields',
    handle: (merchantId, input) => previewEarnings(ctx.db, merchantId, input)
  })
}
