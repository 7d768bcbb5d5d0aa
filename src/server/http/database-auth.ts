/** Who a sandbox caller is: a merchant's static key, or a JWT the sandbox signed for one. */
import type { Authenticator } from '../../platform/http/endpoint'
import type { HeaderCredential } from '../../platform/http/credentials'
import { httpErrors } from '../../platform/http/http-error'
import { verifyAccessToken } from '../../platform/http/jwt'
import type { Db } from '../db/open-db'
import { getMerchant, merchantForKey } from '../ledger/merchants'

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
