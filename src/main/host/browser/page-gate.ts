/** The locks every request meets: the launch token, the asset cookie derived from it, Host and Origin, the headers. */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { ServerResponse } from 'node:http'

const ASSET_COOKIE = 'sk_assets'

/** Constant-time comparison of a presented token with ours; any shape mismatch is a refusal. */
export function tokenMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 1024) return false
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(presented, 'utf8')
  // timingSafeEqual needs equal lengths; compare against ourselves to keep the timing flat.
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(a, a), false)
}

function cspFor(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim())
  }
  return out
}

export interface PageGate {
  /** The per-launch token (query, first message or bearer). */
  tokenOk(presented: unknown): boolean
  /** The cookie that came with the page: derived from the token, never the token (cookies cross ports). */
  assetCookieOk(cookieHeader: string | undefined): boolean
  /** The Set-Cookie value that goes out with the page. */
  readonly assetCookie: string
  /** The Host header names our loopback address and port (DNS rebinding). */
  hostOk(host: string | undefined): boolean
  /** No Origin (not a browser, so not a cross-site victim) or our own loopback origin. */
  originOk(origin: string | undefined): boolean
  /** The request target as a URL on our origin; throws on a target that is not a URL. */
  urlOf(target: string | undefined): URL
  /** Puts the CSP and the other security headers on a raw response, before anything answers it. */
  stamp(res: ServerResponse): void
}

/** The gate for one launch; `port` is read per request (it is known only once the server listens). */
export function createPageGate(token: string, port: () => number): PageGate {
  const cookie = createHmac('sha256', token).update('stamps-kiosk assets').digest('base64url')
  const ours = (value: string | undefined, prefix: string): boolean =>
    value === `${prefix}127.0.0.1:${port()}` || value === `${prefix}localhost:${port()}`
  return {
    tokenOk: (presented) => tokenMatches(token, presented),
    assetCookieOk: (header) => tokenMatches(cookie, parseCookies(header).get(ASSET_COOKIE)),
    assetCookie: `${ASSET_COOKIE}=${cookie}; Path=/; HttpOnly; SameSite=Strict`,
    hostOk: (host) => ours(host, ''),
    originOk: (origin) => origin === undefined || ours(origin, 'http://'),
    urlOf: (target) => new URL(target ?? '/', `http://127.0.0.1:${port()}`),
    stamp(res) {
      res.setHeader('Content-Security-Policy', cspFor(port()))
      res.setHeader('X-Content-Type-Options', 'nosniff')
      res.setHeader('Referrer-Policy', 'no-referrer')
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
      res.setHeader('Cache-Control', 'no-store')
    }
  }
}
