/** One typed error for every way a Stamps call can fail, mapped from the documented envelopes. */
import type { z } from 'zod'
import { ERROR_TEXT, fieldMessages } from '../../shared/stamps'

/** `offline`: not sent at all, because the upstream is known to be down (circuit-breaker.ts). */
export type StampsErrorKind =
  | 'validation'
  | 'duplicate'
  | 'auth'
  | 'https'
  | 'not-found'
  | 'server'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'offline'

export interface StampsErrorInit {
  kind: StampsErrorKind
  status?: number
  detail: string
  fieldErrors?: Array<[string, string]>
  /** True when the request may have reached the server and taken effect. */
  ambiguous: boolean
  body?: unknown
}

/**
 * `ambiguous` is the money flag: false means the server certainly did not act (it answered
 * no, or the request never fully left this process); true means it may have committed.
 */
export class StampsError extends Error {
  readonly kind: StampsErrorKind
  readonly status: number
  readonly detail: string
  readonly fieldErrors: Array<[string, string]>
  readonly ambiguous: boolean
  readonly body: unknown

  constructor(init: StampsErrorInit) {
    super(init.status ? `${init.kind} (${init.status}): ${init.detail}` : `${init.kind}: ${init.detail}`)
    this.name = 'StampsError'
    this.kind = init.kind
    this.status = init.status ?? 0
    this.detail = init.detail
    this.fieldErrors = init.fieldErrors ?? []
    this.ambiguous = init.ambiguous
    this.body = init.body
  }

  /** The newer error form's reason (`insufficient_stamps`, `invalid_pin`), when the answer carried one. */
  get errorCode(): string | undefined {
    const code = (this.body as { error_code?: unknown } | null | undefined)?.error_code
    return typeof code === 'string' ? code : undefined
  }

  /** The spec's rule: an `invoice_number` error saying the number is taken means "already posted". */
  get isDuplicateInvoice(): boolean {
    return this.kind === 'duplicate'
  }

  /** A connection-level failure (refused, reset, unreachable, cut short) or a timeout: the line failed, not Stamps. */
  get connectionLevel(): boolean {
    return (this.kind === 'network' || this.kind === 'timeout') && this.status === 0
  }

  /**
   * Transport trouble or an upstream fault: worth another try for idempotent calls. Not
   * `offline`: the breaker said the line is down, and a quick retry would be told the same.
   */
  get retryable(): boolean {
    if (this.kind === 'protocol') return this.status === 0 || this.status < 300
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server'
  }
}

/** Messages that mean the invoice number is taken (and not e.g. "Store does not exist"). */
const DUPLICATE_TEXT = /already (exists|been used|used|posted|recorded)|duplicate|must be unique|not unique/i

export function isDuplicateMessage(field: string, message: string): boolean {
  return field === 'invoice_number' && DUPLICATE_TEXT.test(message)
}

/** Maps an answered non-2xx request to its error. Every 5xx counts as possibly committed. */
export function errorFromAnswer(status: number, body: unknown): StampsError {
  const detail = readDetail(body) ?? `HTTP ${status}`
  const fieldErrors = fieldMessages(body)
  if (status === 400 || status === 413) {
    const kind = fieldErrors.some(([f, m]) => isDuplicateMessage(f, m)) ? 'duplicate' : 'validation'
    if (fieldErrors.length === 0) fieldErrors.push(['__all__', detail])
    return new StampsError({ kind, status, detail, fieldErrors, ambiguous: false, body })
  }
  if (status === 403 && detail === ERROR_TEXT.https)
    return new StampsError({ kind: 'https', status, detail, ambiguous: false, body })
  if (status === 401 || status === 403) return new StampsError({ kind: 'auth', status, detail, ambiguous: false, body })
  if (status === 404) return new StampsError({ kind: 'not-found', status, detail, ambiguous: false, body })
  // Money hazard: a DRF 500 may or may not have committed, and a 502/503/504 from a proxy in
  // front of it cannot tell us whether the app ran. We cannot justify "not committed" for any 5xx.
  if (status >= 500 || status === 429)
    return new StampsError({ kind: 'server', status, detail, ambiguous: status !== 429, body })
  return new StampsError({ kind: 'protocol', status, detail, ambiguous: false, body })
}

/** A local schema refusal, shaped like the server's field errors so one UI shows both. */
export function errorFromZod(error: z.ZodError): StampsError {
  const fieldErrors = error.issues.map((i): [string, string] => [i.path.join('.') || '__all__', i.message])
  return new StampsError({ kind: 'validation', detail: 'Refused before sending', fieldErrors, ambiguous: false })
}

function readDetail(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const d = (body as { detail?: unknown }).detail
  return typeof d === 'string' ? d.trim() : undefined
}
