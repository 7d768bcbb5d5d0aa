/** HS256 JSON Web Tokens with node:crypto only: the Bearer credential of the Stamps API. */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface AccessClaims {
  merchant_id: number
  iat: number
  exp: number
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

const sign = (secret: string, input: string): Buffer => createHmac('sha256', secret).update(input).digest()

/** Signs claims for a merchant, valid `ttlSeconds` from `nowMs`. */
export function signAccessToken(secret: string, merchantId: number, ttlSeconds: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000)
  const claims: AccessClaims = { merchant_id: merchantId, iat, exp: iat + ttlSeconds }
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`
  return `${body}.${sign(secret, body).toString('base64url')}`
}

/** The claims of a token this secret signed and that has not expired; undefined otherwise. */
export function verifyAccessToken(secret: string, token: string, nowMs = Date.now()): AccessClaims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [header, payload, signature] = parts as [string, string, string]
  // only our own header is accepted: no `alg: none`, no algorithm switching
  if (header !== HEADER) return undefined
  const expected = sign(secret, `${header}.${payload}`)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<AccessClaims>
    if (!Number.isSafeInteger(claims.merchant_id) || typeof claims.exp !== 'number') return undefined
    return claims.exp * 1000 > nowMs ? (claims as AccessClaims) : undefined
  } catch {
    return undefined
  }
}
