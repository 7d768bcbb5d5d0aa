/**
 * The three credential forms of the Stamps API: `Authorization: Token <key>`,
 * `Authorization: Bearer <jwt>` and a `token` field in the body (POST) or query (GET), and
 * whether a request arrived over HTTPS.
 */

export type HeaderCredential =
  { kind: 'none' } | { kind: 'token'; key: string } | { kind: 'bearer'; jwt: string } | { kind: 'malformed' }

/**
 * Reads the Authorization header the way DRF's authenticators do: an empty header or another
 * scheme (Basic, ...) is no credential at all; `Token`/`Bearer` without exactly one value is bad.
 */
export function readAuthorization(header: string | undefined): HeaderCredential {
  const parts = (header ?? '').trim().split(/\s+/).filter(Boolean)
  const scheme = parts[0]?.toLowerCase()
  if (scheme !== 'token' && scheme !== 'bearer') return { kind: 'none' }
  if (parts.length !== 2) return { kind: 'malformed' }
  return scheme === 'token' ? { kind: 'token', key: parts[1]! } : { kind: 'bearer', jwt: parts[1]! }
}

/** True for loopback peers, the only ones whose X-Forwarded-Proto is believed. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

/** localhost, 127.0.0.0/8 or ::1, as a WHATWG URL spells a hostname (lowercase, IPv6 in brackets). */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * True when an Origin header names a page served from this computer. `null` (a sandboxed frame,
 * a file: page) is not: any web page can make its requests carry it.
 */
export function isLocalOrigin(origin: string): boolean {
  if (!URL.canParse(origin)) return false
  const url = new URL(origin)
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname)
}

/** Whether a request arrived over HTTPS: only through a loopback proxy saying so. */
export function arrivedOverHttps(
  remoteAddress: string | undefined,
  forwardedProto: string | string[] | undefined
): boolean {
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)
    ?.split(',')[0]
    ?.trim()
    .toLowerCase()
  return proto === 'https' && isLoopback(remoteAddress)
}
