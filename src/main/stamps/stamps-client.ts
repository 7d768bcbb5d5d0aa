/** Typed client for every Stamps endpoint the product speaks; requests and answers zod-checked. */
import type { z } from 'zod'
import {
  activitiesQuerySchema,
  activitiesResponseSchema,
  addTransactionRequestSchema,
  addTransactionResponseSchema,
  balanceCancelRequestSchema,
  balanceCancelResponseSchema,
  balanceUpdateRequestSchema,
  balanceUpdateResponseSchema,
  cancelTransactionByInvoiceRequestSchema,
  cancelTransactionByInvoiceResponseSchema,
  cancelTransactionRequestSchema,
  cancelTransactionResponseSchema,
  groupActivitiesQuerySchema,
  membershipQuerySchema,
  membershipResponseSchema,
  pingResponseSchema,
  previewEarningsQuerySchema,
  previewEarningsResponseSchema,
  STAMPS_PATHS,
  type ActivitiesResponse,
  type AddTransactionResponse,
  type BalanceCancelResponse,
  type BalanceUpdateResponse,
  type CancelTransactionByInvoiceResponse,
  type CancelTransactionResponse,
  type MembershipResponse,
  type PingResponse,
  type PreviewEarningsResponse,
  type StampsEndpoint
} from '../../shared/stamps'
import { withRetry, type RetryDeps } from './backoff'
import { BalanceReconciler, type BalanceOutcome, type ReconcileTicket } from './balance-reconcile'
import {
  stampsClientConfigSchema,
  type RetryPolicy,
  type StampsClientConfig,
  type StampsClientConfigInput
} from './client-config'
import type { CircuitBreaker } from './circuit-breaker'
import { CredentialProvider } from './credentials'
import type { UpstreamRequest } from '../metrics/metrics-feed'
import { HttpTransport } from './http-transport'
import { errorFromAnswer, StampsError } from './stamps-error'
import { checked, decodeAnswer, toQuery } from './wire-helpers'
import { encodeXmlBody } from './xml-body'

export type AddTransactionInput = z.input<typeof addTransactionRequestSchema>
export type BalanceUpdateInput = z.input<typeof balanceUpdateRequestSchema>
export type ActivitiesInput = z.input<typeof activitiesQuerySchema>
export type GroupActivitiesInput = z.input<typeof groupActivitiesQuerySchema>
export type MembershipInput = z.input<typeof membershipQuerySchema>
export type PreviewEarningsInput = z.input<typeof previewEarningsQuerySchema>
export type CancelByInvoiceInput = z.input<typeof cancelTransactionByInvoiceRequestSchema>

export interface AddOptions {
  format?: 'json' | 'xml'
  /** Overrides the client's policy, e.g. `{maxAttempts: 1}` when the outbox owns the backoff. */
  retry?: Partial<RetryPolicy>
}

/** One request's parts; `params` fill a path's `:name` segments (`/api/rewards/:code`). */
export interface Exchange<T> {
  body?: Record<string, unknown>
  query?: URLSearchParams
  params?: Record<string, string>
  schema: z.ZodType<T>
  format?: 'json' | 'xml'
}

export interface StampsClientDeps extends RetryDeps {
  transport?: HttpTransport
  now?: () => number
  /** Fed by every request; while open, requests fail at once with kind `offline` (the host's client has one). */
  breaker?: CircuitBreaker
  /** Told of every request sent (the metrics service): endpoint, HTTP status or `error`, duration. */
  onRequest?: (request: UpstreamRequest) => void
}

/** What a request gets while the breaker is open: certainly not sent, so never ambiguous. */
const offline = (): StampsError =>
  new StampsError({
    kind: 'offline',
    detail: 'Stamps is known to be unreachable right now; not sent',
    ambiguous: false
  })

export class StampsClient {
  readonly config: StampsClientConfig
  /** Whether the upstream is known to be down, for whoever waits on it (null: no breaker). */
  readonly breaker: CircuitBreaker | null
  private readonly transport: HttpTransport
  private readonly credentials: CredentialProvider
  private readonly reconciler: BalanceReconciler

  constructor(
    config: StampsClientConfigInput,
    private readonly deps: StampsClientDeps = {}
  ) {
    const parsed = stampsClientConfigSchema.safeParse(config)
    if (!parsed.success) throw new Error(`Invalid Stamps client config: ${parsed.error.message}`)
    this.config = parsed.data
    this.transport = deps.transport ?? new HttpTransport()
    this.breaker = deps.breaker ?? null
    this.credentials = new CredentialProvider(
      this.config.credential,
      this.config.baseUrl,
      this.transport,
      this.config.timeoutMs,
      deps.now
    )
    this.reconciler = new BalanceReconciler(this, this.config, deps.sleep)
  }

  /** Health check; also names the merchant the key belongs to. */
  ping(): Promise<PingResponse> {
    return this.read(() => this.exchange('ping', { body: {}, schema: pingResponseSchema }))
  }

  /**
   * Posts a sale. Retried on transport and 5xx failures: safe because a repeat of a sale that
   * did land answers duplicate-invoice (thrown as kind 'duplicate'), never a second sale.
   */
  async addTransaction(sale: AddTransactionInput, options: AddOptions = {}): Promise<AddTransactionResponse> {
    const { token: _token, ...body } = checked(addTransactionRequestSchema, sale)
    const policy = { ...this.config.retry, ...options.retry }
    return withRetry(
      () => this.exchange('addTransaction', { body, schema: addTransactionResponseSchema, format: options.format }),
      policy,
      this.deps
    )
  }

  /** Not retried: a repeat after an ambiguous failure could read "already canceled" as an error. */
  async cancelTransaction(
    id: number | string,
    opts: { cancelRelatedRedemptions?: boolean } = {}
  ): Promise<CancelTransactionResponse> {
    const { id: txId } = checked(cancelTransactionRequestSchema, { id })
    // documented as the string "true": the sale's redemptions under its invoice number go too
    const body = { id: txId, ...(opts.cancelRelatedRedemptions && { cancel_related_redemptions: 'true' }) }
    return this.exchange('cancelTransaction', { body, schema: cancelTransactionResponseSchema })
  }

  /**
   * Cancels the sale with this invoice number on `date` (the store's local day): v2 cancel.
   * Not retried, for the same reason as cancelTransaction.
   */
  async cancelTransactionByInvoice(request: CancelByInvoiceInput): Promise<CancelTransactionByInvoiceResponse> {
    const { token: _token, ...body } = checked(cancelTransactionByInvoiceRequestSchema, request)
    return this.exchange('cancelTransactionByInvoice', { body, schema: cancelTransactionByInvoiceResponseSchema })
  }

  async previewEarnings(query: PreviewEarningsInput): Promise<PreviewEarningsResponse> {
    const q = toQuery(checked(previewEarningsQuerySchema, query))
    return this.read(() => this.exchange('previewEarnings', { query: q, schema: previewEarningsResponseSchema }))
  }

  /** Money: never retried blindly; an ambiguous failure is reconciled against activities. */
  credit(request: BalanceUpdateInput): Promise<BalanceOutcome> {
    return this.reconciler.update('credit', request)
  }

  /** Money: as credit, the type-7 activity of a debit carries a negative amount. */
  debit(request: BalanceUpdateInput): Promise<BalanceOutcome> {
    return this.reconciler.update('debit', request)
  }

  /** Asks again about an 'unknown' outcome, e.g. once the network is back: a person's "check again" probes at once. */
  reconcileBalance(ticket: ReconcileTicket): Promise<BalanceOutcome> {
    this.breaker?.hurry()
    return this.reconciler.reconcile(ticket)
  }

  /** Not retried, for the same reason as cancelTransaction. */
  async cancelBalance(id: number | string): Promise<BalanceCancelResponse> {
    const { id: updateId } = checked(balanceCancelRequestSchema, { id })
    return this.exchange('cancelBalance', { body: { id: updateId }, schema: balanceCancelResponseSchema })
  }

  async activities(query: ActivitiesInput): Promise<ActivitiesResponse> {
    const q = toQuery(checked(activitiesQuerySchema, query))
    return this.read(() => this.exchange('activities', { query: q, schema: activitiesResponseSchema }))
  }

  async groupActivities(query: GroupActivitiesInput): Promise<ActivitiesResponse> {
    const q = toQuery(checked(groupActivitiesQuerySchema, query))
    return this.read(() => this.exchange('groupActivities', { query: q, schema: activitiesResponseSchema }))
  }

  async membership(query: MembershipInput): Promise<MembershipResponse> {
    const q = toQuery(checked(membershipQuerySchema, query))
    return this.read(() => this.exchange('membership', { query: q, schema: membershipResponseSchema }))
  }

  /** One POST of a balance update, no retry: used by the reconciler. */
  postBalanceUpdate(direction: 'credit' | 'debit', body: Record<string, unknown>): Promise<BalanceUpdateResponse> {
    return this.exchange(direction, { body, schema: balanceUpdateResponseSchema })
  }

  /** For the other client modules: sent with the retry policy. Only for calls safe to repeat (reads, invoice-keyed sales). */
  sendRetried<T>(endpoint: StampsEndpoint, ex: Exchange<T>): Promise<T> {
    return this.read(() => this.exchange(endpoint, ex))
  }

  /** A write for the other client modules: sent once through the breaker, never retried here. */
  sendOnce<T>(endpoint: StampsEndpoint, ex: Exchange<T>): Promise<T> {
    return this.exchange(endpoint, ex)
  }

  close(): void {
    this.transport.close()
  }

  private read<T>(call: () => Promise<T>): Promise<T> {
    return withRetry(call, this.config.retry, this.deps)
  }

  /**
   * One request through the breaker: refused at once while the upstream is known to be down,
   * and its outcome recorded. Any HTTP answer, even a refusal, proves the line works.
   */
  private async exchange<T>(endpoint: StampsEndpoint, ex: Exchange<T>): Promise<T> {
    const breaker = this.breaker
    if (!breaker) return this.send(endpoint, ex)
    if (!breaker.admit()) throw offline()
    try {
      const answer = await this.send(endpoint, ex)
      breaker.succeeded()
      return answer
    } catch (err) {
      if (err instanceof StampsError && err.connectionLevel) breaker.failed()
      else breaker.succeeded()
      throw err
    }
  }

  private async send<T>(endpoint: StampsEndpoint, ex: Exchange<T>, refreshed = false): Promise<T> {
    const { method, path } = STAMPS_PATHS[endpoint]
    const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ex.params?.[name] ?? ''))
    const url = new URL(filled, this.config.baseUrl)
    if (ex.query) url.search = ex.query.toString()
    const xml = ex.format === 'xml'
    const headers: Record<string, string> = {
      authorization: await this.credentials.header(),
      accept: xml ? 'application/xml' : 'application/json'
    }
    let payload: string | undefined
    if (method === 'POST') {
      headers['content-type'] = xml ? 'application/xml' : 'application/json'
      payload = xml ? encodeXmlBody(ex.body ?? {}) : JSON.stringify(ex.body ?? {})
    }
    const startedAt = performance.now()
    const observe = (status: number | 'error'): void =>
      this.deps.onRequest?.({ endpoint, status, seconds: (performance.now() - startedAt) / 1000 })
    const answer = await this.transport
      .request({ method, url, headers, body: payload, timeoutMs: this.config.timeoutMs })
      .then(
        (a) => (observe(a.status), a),
        (err: unknown) => {
          observe('error')
          throw err
        }
      )
    const body = decodeAnswer(answer.text)
    if (answer.status === 401 && this.credentials.refreshable && !refreshed) {
      this.credentials.invalidate() // a 401 means the server refused: nothing happened, retry is safe
      return this.send(endpoint, ex, true)
    }
    if (answer.status < 200 || answer.status >= 300)
      throw errorFromAnswer(answer.status, body ?? { detail: answer.text.slice(0, 200) })
    const parsed = ex.schema.safeParse(body)
    // The server said yes but we cannot read how: for a write, assume it may have happened.
    if (!parsed.success) {
      throw new StampsError({
        kind: 'protocol',
        status: answer.status,
        detail: `unreadable answer: ${parsed.error.message}`,
        ambiguous: true,
        body
      })
    }
    return parsed.data
  }
}
