import { describe, expect, it } from 'vitest'
import { arrivedOverHttps, isLocalOrigin, readAuthorization } from './credentials'
import { signAccessToken, verifyAccessToken } from './jwt'
import { decodeBody, isJsonOrXml, wantsXml } from './negotiate'

describe('access tokens', () => {
  const secret = 'a'.repeat(64)
  it('verify within 24 h, refuse after, refuse another secret, alg none and edits', () => {
    const now = Date.UTC(2025, 0, 1)
    const t = signAccessToken(secret, 14, 86_400, now)
    expect(verifyAccessToken(secret, t, now + 86_399_000)?.merchant_id).toBe(14)
    expect(verifyAccessToken(secret, t, now + 86_400_000)).toBeUndefined()
    expect(verifyAccessToken('b'.repeat(64), t, now)).toBeUndefined()
    const [, payload] = t.split('.')
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`
    expect(verifyAccessToken(secret, none, now)).toBeUndefined()
    expect(verifyAccessToken(secret, `${t}x`, now)).toBeUndefined()
    expect(verifyAccessToken(secret, 'not-a-jwt', now)).toBeUndefined()
  })
})

describe('request reading', () => {
  it('reads Authorization like DRF: other schemes are no credential, a bare scheme is malformed', () => {
    expect(readAuthorization(undefined)).toEqual({ kind: 'none' })
    expect(readAuthorization('Basic abc')).toEqual({ kind: 'none' })
    expect(readAuthorization('token k1')).toEqual({ kind: 'token', key: 'k1' })
    expect(readAuthorization('Bearer')).toEqual({ kind: 'malformed' })
    expect(readAuthorization('Token a b')).toEqual({ kind: 'malformed' })
  })

  it('believes X-Forwarded-Proto only from loopback', () => {
    expect(arrivedOverHttps('127.0.0.1', 'https')).toBe(true)
    expect(arrivedOverHttps('::ffff:127.0.0.1', 'https, http')).toBe(true)
    expect(arrivedOverHttps('10.0.0.5', 'https')).toBe(false)
    expect(arrivedOverHttps('127.0.0.1', undefined)).toBe(false)
  })

  it('knows a page of this computer by its Origin; null and look-alikes are other sites', () => {
    for (const o of ['http://127.0.0.1:3000', 'http://localhost', 'https://127.9.9.9', 'http://[::1]:8080'])
      expect(isLocalOrigin(o)).toBe(true)
    for (const o of [
      'null',
      'https://evil.example',
      'http://127.0.0.1.evil.example',
      'file://',
      'chrome-extension://x'
    ])
      expect(isLocalOrigin(o)).toBe(false)
  })

  it('counts JSON, XML and no type at all as bridge bodies; what a <form> sends is not', () => {
    for (const t of ['', 'application/json', 'application/vnd.api+json', 'application/xml', 'text/xml'])
      expect(isJsonOrXml(t)).toBe(true)
    for (const t of ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'])
      expect(isJsonOrXml(t)).toBe(false)
  })

  it('answers XML only when Accept prefers it', () => {
    expect(wantsXml('application/xml')).toBe(true)
    expect(wantsXml('text/xml')).toBe(true)
    expect(wantsXml('application/json, application/xml')).toBe(false)
    expect(wantsXml('application/json;q=0.5, application/xml')).toBe(true)
    expect(wantsXml('*/*')).toBe(false)
    expect(wantsXml(undefined)).toBe(false)
  })

  it('decodes bodies by Content-Type; no type means JSON, empty means {}', () => {
    expect(decodeBody('{"a":1}', undefined)).toEqual({ a: 1 })
    expect(decodeBody('', 'application/json')).toEqual({})
    expect(decodeBody('<root><a>1</a></root>', 'text/xml; charset=utf-8')).toEqual({ a: '1' })
    expect(decodeBody('a=1&a=2&b=3', 'application/x-www-form-urlencoded')).toEqual({ a: '2', b: '3' })
    expect(() => decodeBody('x', 'text/plain')).toThrow(/Unsupported media type/)
  })
})
