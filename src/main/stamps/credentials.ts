/**
 * The Authorization header: a static `Token <key>`, or a `Bearer <jwt>` bought with the key,
 * cached and refreshed at 90% of its life so a sale never waits on an expired token.
 */
import { accessTokenResponseSchema, ACCESS_TOKEN_TTL_SECONDS, STAMPS_PATHS } from '../../shared/stamps'
import type { Credential } from './client-config'
import type { HttpTransport } from './http-transport'
import { errorFromAnswer, StampsError } from './stamps-error'

interface CachedJwt {
  jwt: string
  refreshAt: number
}

/** Reads `iat`/`exp` (seconds) from a JWT payload without checking the signature (the server does). */
export function jwtTimes(jwt: string): { iat?: number; exp?: number } {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
    return { iat: num(payload.iat), exp: num(payload.exp) }
  } catch {
    return {}
  }
}

export class CredentialProvider {
  private cached: CachedJwt | null = null
  private inflight: Promise<CachedJwt> | null = null

  constructor(
    private readonly credential: Credential,
    private readonly baseUrl: string,
    private readonly transport: HttpTransport,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** True when a 401 may be cured by fetching a new token. */
  get refreshable(): boolean {
    return this.credential.kind === 'jwt'
  }

  async header(): Promise<string> {
    if (this.credential.kind === 'token') return `Token ${this.credential.key}`
    if (!this.cached || this.now() >= this.cached.refreshAt) this.cached = await this.fetchOnce()
    return `Bearer ${this.cached.jwt}`
  }

  /** Forgets the token after a 401, so the next header() buys a fresh one. */
  invalidate(): void {
    this.cached = null
  }

  // Single flight: twenty sales starting together must not buy twenty tokens.
  private fetchOnce(): Promise<CachedJwt> {
    this.inflight ??= this.fetchJwt().finally(() => {
      this.inflight = null
    })
    return this.inflight
  }

  private async fetchJwt(): Promise<CachedJwt> {
    if (this.credential.kind !== 'jwt') throw new Error('not a jwt credential')
    const started = this.now()
    const answer = await this.transport
      .request({
        method: 'POST',
        url: new URL(STAMPS_PATHS.accessToken.path, this.baseUrl),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token: this.credential.key, crm_merchant_id: this.credential.merchantId }),
        timeoutMs: this.timeoutMs
      })
      .catch((err: unknown) => {
        // Buying a token moves no money: whatever call needed it was never sent, so the failure
        // must not look ambiguous to the caller (a credit would reconcile for nothing).
        if (!(err instanceof StampsError)) throw err
        throw new StampsError({
          kind: err.kind,
          status: err.status,
          detail: `access token: ${err.detail}`,
          ambiguous: false
        })
      })
    let body: unknown
    try {
      body = JSON.parse(answer.text)
    } catch {
      body = undefined
    }
    if (answer.status !== 200) throw errorFromAnswer(answer.status, body)
    const parsed = accessTokenResponseSchema.safeParse(body)
    if (!parsed.success)
      throw new StampsError({
        kind: 'protocol',
        status: 200,
        detail: 'unreadable access token answer',
        ambiguous: false
      })
    const { iat, exp } = jwtTimes(parsed.data.access_token)
    // Lifetime from the token's own iat/exp, counted on our clock from when we asked: a kiosk
    // whose clock is off by an hour still refreshes on time.
    const lifetimeMs =
      exp === undefined
        ? ACCESS_TOKEN_TTL_SECONDS * 1000
        : iat !== undefined
          ? (exp - iat) * 1000
          : exp * 1000 - started
    return { jwt: parsed.data.access_token, refreshAt: started + 0.9 * Math.max(0, lifetimeMs) }
  }
}
