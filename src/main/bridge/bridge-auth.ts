/**
 * The bridge's credential: one token, accepted in all three Stamps forms (body/query `token`,
 * `Authorization: Token`, `Authorization: Bearer` with the token or a JWT the bridge issued),
 * so host POS software written for the real service works by changing only URL and key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { Authenticator } from '../../platform/http/endpoint'
import { httpErrors } from '../../platform/http/http-error'
import { verifyAccessToken } from '../../platform/http/jwt'

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** Constant-time comparison that does not leak the token's length. */
export function sameToken(given: unknown, token: string): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(token))
}

/** The JWT signing secret, derived so that the token itself never signs anything. */
export const bridgeJwtSecret = (token: string): string => createHmac('sha256', token).update('bridge-jwt').digest('hex')

/**
 * Every proven caller acts as the configured merchant. `merchantKeys` are the merchant's own
 * Stamps keys: a POS already configured with one works by changing only the URL (a local
 * process holding that key could call Stamps directly anyway, so accepting it opens nothing).
 */
export function bridgeAuthenticator(
  token: string,
  merchantId: number,
  merchantKeys: readonly string[] = []
): Authenticator {
  const secret = bridgeJwtSecret(token)
  const fromKey = (key: unknown): number => {
    if (!sameToken(key, token) && !merchantKeys.some((k) => sameToken(key, k))) throw httpErrors.badCredentials()
    return merchantId
  }
  return {
    fromKey,
    fromHeader(cred) {
      if (cred.kind === 'token') return fromKey(cred.key)
      if (cred.kind === 'bearer') {
        if (sameToken(cred.jwt, token)) return merchantId
        if (verifyAccessToken(secret, cred.jwt)?.merchant_id === merchantId) return merchantId
      }
      throw httpErrors.badCredentials()
    }
  }
}
