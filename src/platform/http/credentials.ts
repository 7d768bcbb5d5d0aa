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
