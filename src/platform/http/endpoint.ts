/**
 * One request pipeline for every endpoint, in the service's order of checks: HTTPS, then
 * authentication, then method (405 with Allow), then the body (400 with DRF field errors).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { TRANSACTION_ERROR_DETAIL } from '../../shared/stamps/errors'
import { arrivedOverHttps, isLocalOrigin, readAuthorization, type HeaderCredential } from './credentials'
import { drfFieldErrors, numbersToStrings } from './drf-errors'
import { httpErrors } from './http-error'
import { decodeBody, flattenQuery, isJsonOrXml, mediaType } from './negotiate'
import { sendAnswer, type PrebuiltJson } from './reply'

/**
 * How an endpoint words field errors: the three documented forms plus cancel's bare object.
 * `coded` is the newer form (rewards-vouchers.md, 0(c)): `detail` and `error_message` both read
 * "field: message", with an `error_code` (`invalid_data` for a body the schema refuses).
 */
export type ErrorStyle = 'transaction' | 'fields' | 'bare-fields' | 'membership' | 'coded'

/**
 * Who a credential proves the caller to be (a merchant id). The sandbox reads its keys from
 * SQLite; the receipt bridge accepts its own token. Both throw the documented 401 when unproven.
 */
export interface Authenticator {
  fromHeader(cred: Exclude<HeaderCredential, { kind: 'none' }>): number
  fromKey(key: unknown): number
}

/** A refusal an endpoint's logic threw: 404, or 400 with field errors in the endpoint's style. */
export interface EndpointRefusal {
  kind: 'invalid' | 'not_found'
  fields: Readonly<Record<string, string>>
  /** The machine-readable reason (`insufficient_stamps`, `invalid_pin`), where the style carries one. */
  code?: string
}

/** What the request pipeline needs. */
export interface EndpointContext {
  requireHttps: boolean
  authenticator: Authenticator
  /** Recognises the server's own refusal type among thrown errors (the sandbox's LedgerError). */
  refusalOf?: (err: unknown) => EndpointRefusal | undefined
  /**
   * Local-only hardening for a server any web page in a browser on this computer can reach (the
   * receipt bridge). A page can post a form, multipart or text/plain body to another site without
   * a CORS preflight; with this set such a body is 415 and a request whose Origin names another
   * site is 403, before anything else is read. The sandbox leaves it off: the real service takes forms.
   */
  refuseBrowserPosts?: boolean
}

/** A non-200 answer decided by an endpoint's own logic (the bridge's 202, a passed-through error). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly xml?: unknown
  ) {}
}

export interface EndpointDef<S extends z.ZodType> {
  method: 'GET' | 'POST'
  path: string
  schema: S
  errors: ErrorStyle
  /** Query parameters that may repeat (`merchant_id=2&merchant_id=5`). */
  listFields?: readonly string[]
  /** String fields that DRF would take as numbers too. */
  stringFields?: readonly string[]
  /** Cross-field checks the schema cannot state (e.g. `user` or `user_email`), merged into its errors. */
  check?: (data: unknown, merchantId: number) => Record<string, string>
  handle: (merchantId: number, input: z.output<S>) => unknown | PrebuiltJson | Answer | Promise<unknown>
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
const headerMerchant = new WeakMap<FastifyRequest, number>()

/** The error body of an endpoint for field errors, and its XML form when that differs. */
export function fieldErrorBody(
  style: ErrorStyle,
  fields: Record<string, string>,
  code?: string
): { json: unknown; xml?: unknown } {
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ')
  switch (style) {
    case 'transaction': {
      const list = Object.entries(fields).map(([k, v]) => ({ [k]: v }))
      // a refusal with a reason (a redemption inside a sale) names it too, as the newer form does
      const coded = code === undefined ? {} : { error_code: code }
      return {
        json: { detail: TRANSACTION_ERROR_DETAIL, errors: list, ...coded },
        xml: { validation_errors: list, detail: TRANSACTION_ERROR_DETAIL, ...coded }
      }
    }
    case 'membership': {
      const first = Object.values(fields)[0] ?? ''
      return { json: { errors: fields, error_message: first, error_code: 'invalid_data', detail: summary } }
    }
    case 'coded':
      return { json: { detail: summary, error_message: summary, error_code: code ?? 'invalid_data', errors: fields } }
    case 'bare-fields':
      return { json: { errors: fields } }
    default:
      return { json: { detail: summary, errors: fields } }
  }
}

/** Methods that carry no body a server reads (a GET's query is all it takes). */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** See EndpointContext.refuseBrowserPosts. POS software sends no Origin; a browser always does on a POST. */
function refuseBrowserPost(req: FastifyRequest): void {
  const type = mediaType(req.headers['content-type'])
  if (!BODILESS.has(req.method) && !isJsonOrXml(type)) throw httpErrors.mediaType(type)
  // A page can still send JSON without a type (a Blob body); its Origin gives it away.
  const origin = req.headers.origin
  if (origin !== undefined && !isLocalOrigin(origin)) throw httpErrors.crossSite()
}

/** Registers a Stamps endpoint on every method, so a wrong one is a 405 and not a 404. */
export function registerEndpoint<S extends z.ZodType>(
  app: FastifyInstance,
  ctx: EndpointContext,
  def: EndpointDef<S>
): void {
  const allow = def.method === 'GET' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS'
  app.route({
    method: [...ALL_METHODS],
    url: def.path,
    config: { allow },
    // header credentials are checked before the body is read: a bad key never uploads 1 MiB
    onRequest: async (req) => {
      if (ctx.refuseBrowserPosts) refuseBrowserPost(req)
      if (ctx.requireHttps && !arrivedOverHttps(req.socket.remoteAddress, req.headers['x-forwarded-proto']))
        throw httpErrors.https()
      const cred = readAuthorization(req.headers.authorization)
      if (cred.kind !== 'none') headerMerchant.set(req, ctx.authenticator.fromHeader(cred))
    },
    handler: async (req, reply) => {
      try {
        const query = flattenQuery(req.query, def.listFields)
        let body: unknown
        let merchantId = headerMerchant.get(req)
        if (merchantId === undefined) {
          body = decodeBody(req.body as string | undefined, req.headers['content-type'])
          const token = (body as { token?: unknown } | null)?.token ?? query.token
          if (token === undefined || token === '') throw httpErrors.noCredentials()
          merchantId = ctx.authenticator.fromKey(token)
        }
        const method = req.method === 'HEAD' && def.method === 'GET' ? 'GET' : req.method
        if (method === 'OPTIONS')
          return sendAnswer(req, reply, 200, {
            name: def.path,
            renders: ['application/json', 'application/xml'],
            parses: ['application/json', 'application/xml']
          })
        if (method !== def.method) throw httpErrors.method(req.method)
        // a path parameter (`/api/rewards/:code`) reads as one more query field
        const data =
          def.method === 'GET'
            ? { ...query, ...(req.params as Record<string, string> | undefined) }
            : (body ?? decodeBody(req.body as string | undefined, req.headers['content-type']))
        const parsed = def.schema.safeParse(numbersToStrings(data, def.stringFields ?? []))
        const extra = def.check?.(data, merchantId) ?? {}
        if (!parsed.success || Object.keys(extra).length > 0) {
          const fields = { ...(parsed.success ? {} : drfFieldErrors(parsed.error, data)), ...extra }
          const e = fieldErrorBody(def.errors, fields)
          return sendAnswer(req, reply, 400, e.json, e.xml)
        }
        const result = await def.handle(merchantId, parsed.data)
        if (result instanceof Answer) return sendAnswer(req, reply, result.status, result.body, result.xml)
        return sendAnswer(req, reply, 200, result)
      } catch (err) {
        const refusal = ctx.refusalOf?.(err)
        if (!refusal) throw err
        if (refusal.kind === 'not_found') return sendAnswer(req, reply, 404, httpErrors.notFound().body)
        const e = fieldErrorBody(def.errors, { ...refusal.fields }, refusal.code)
        return sendAnswer(req, reply, 400, e.json, e.xml)
      }
    }
  })
}
