/**
 * Typed client for the v2 sale calls. transactions/add (an empty `user` for an open sale) is
 * retried like the legacy add: a repeat of a sale that landed is refused as a duplicate invoice,
 * never a second sale. add-with-redemptions spends stamps, so it is sent once and never
 * retried; send the desk's `invoice_number` so its redemptions can be matched to the sale.
 */
import type { z } from 'zod'
import {
  addWithRedemptionsRequestSchema,
  addWithRedemptionsResponseSchema,
  v2AddTransactionRequestSchema,
  v2AddTransactionResponseSchema,
  type AddWithRedemptionsResponse,
  type V2AddTransactionResponse
} from '../../shared/stamps'
import type { StampsClient } from './stamps-client'
import { checked } from './wire-helpers'

export type V2AddTransactionInput = z.input<typeof v2AddTransactionRequestSchema>
export type AddWithRedemptionsInput = z.input<typeof addWithRedemptionsRequestSchema>

export class SaleV2Client {
  constructor(private readonly client: StampsClient) {}

  /** A sale (member or open); retried on transport and 5xx failures, a landed repeat is kind 'duplicate'. */
  async addTransaction(sale: V2AddTransactionInput): Promise<V2AddTransactionResponse> {
    const { token: _token, ...body } = checked(v2AddTransactionRequestSchema, sale)
    return this.client.sendRetried('addTransactionV2', { body, schema: v2AddTransactionResponseSchema })
  }

  /** A sale with its reward and voucher redemptions in one request, all or nothing. Sent once. */
  async addWithRedemptions(sale: AddWithRedemptionsInput): Promise<AddWithRedemptionsResponse> {
    const { token: _token, ...body } = checked(addWithRedemptionsRequestSchema, sale)
    return this.client.sendOnce('addWithRedemptions', { body, schema: addWithRedemptionsResponseSchema })
  }
}
