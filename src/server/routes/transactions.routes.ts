/** Transaction API routes: add (JSON and XML), cancel, and the earnings preview. */
import type { FastifyInstance } from 'fastify'
import { STAMPS_PATHS } from '../../shared/stamps/paths'
import {
  addTransactionRequestSchema, cancelTransactionRequestSchema, previewEarningsQuerySchema
} from '../../shared/stamps/transactions'
import { registerEndpoint, type ServerContext } from '../http/endpoint'
import { LEDGER_TEXT } from '../ledger/ledger-error'
import { addTransaction, cancelTransaction, previewEarnings } from '../ledger/transactions'

/** `user` (current name) or `user_email` (the documents' name) must name the member. */
function memberNamed(data: unknown): Record<string, string> {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>
  return d.user === undefined && d.user_email === undefined ? { user: LEDGER_TEXT.required } : {}
}

export function transactionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.addTransaction,
    schema: addTransactionRequestSchema,
    errors: 'transaction',
    stringFields: ['token', 'user', 'user_email', 'invoice_number'],
    check: (data) => (Array.isArray(data) || typeof data !== 'object' ? {} : memberNamed(data)),
    handle: (merchantId, input) => addTransaction(ctx.db, merchantId, input)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.cancelTransaction,
    schema: cancelTransactionRequestSchema,
    errors: 'bare-fields',
    handle: (merchantId, input) => cancelTransaction(ctx.db, merchantId, input.id)
  })
  registerEndpoint(app, ctx, {
    ...STAMPS_PATHS.previewEarnings,
    schema: previewEarningsQuerySchema,
    errors: 'fields',
    handle: (merchantId, input) => previewEarnings(ctx.db, merchantId, input)
  })
}
