/**
 * The three credential forms of the Stamps API: `Authorization: Token <key>`,
 * `Authorization: Bearer <jwt>` and a `token` field in the body (POST) or query (GET).
 */
import type { Db } from '../db/open-db'
import { getMerchant, merchantForKey } from '../ledger/merchants'
import type { Authenticator } from './endpoint'
import { httpErrors } from './http-error'
import { verifyAccessToken } from './jwt'

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

/** The merchant id a header credential proves; throws 401 when it proves nothing. */
export function merchantFromHeader(db: Db, secret: string, cred: Exclude<HeaderCredential, { kind: 'none' }>): number {
  if (cred.kind === 'token') return merchantFromKey(db, cred.key)
  if (cred.kind === 'bearer') {
    const claims = verifyAccessToken(secret, cred.jwt)
    if (claims && getMerchant(db, claims.merchant_id)) return claims.merchant_id
  }
  throw httpErrors.badCredentials()
}

/** The sandbox's authenticator: keys and JWTs of the merchants in its database. */
export function databaseAuthenticator(db: Db, secret: string): Authenticator {
  return { fromHeader: (cred) => merchantFromHeader(db, secret, cred), fromKey: (key) => merchantFromKey(db, key) }
}

/** The merchant id of a static key; throws 401 for an unknown key. */
export function merchantFromKey(db: Db, key: unknown): number {
  const merchant = typeof key === 'string' ? merchantForKey(db, key) : undefined
  if (!merchant) throw httpErrors.badCredentials()
  return merchant.id
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
