/** Cashier and admin PINs as salted scrypt hashes: the settings file never holds a PIN. */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

export { pinSchema } from '../../shared/ipc'

/** `scrypt:N:r:p:salt:key` (base64). Parameters travel with the hash so they can be raised later. */
export const pinHashSchema = z.string().regex(/^scrypt:\d+:\d+:\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/, 'not a PIN hash')

/**
 * Factory PINs of a fresh install, used while settings hold no hash (null). The status marks
 * them "default PIN, change it" until an admin sets their own.
 */
export const DEFAULT_PINS = { cashier: '1111', admin: '0000' } as const

// N = 2^14 costs ~30-60 ms per try: slow enough to blunt an offline guess of a stolen
// settings file a little, fast enough for a till. A 4-digit PIN stays guessable offline
// (10^4 tries); the file is 0600 and the online path is rate-limited.
const N = 16_384
const R = 8
const P = 1
const KEY_LEN = 32

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) => (err ? reject(err) : resolve(key)))
  )
}

/** Hashes a PIN with a fresh 16-byte salt. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, N, R, P)
  return `scrypt:${N}:${R}:${P}:${salt.toString('base64')}:${key.toString('base64')}`
}

/** True when `pin` matches `hash`; the comparison takes the same time wherever they differ. */
export async function verifyPin(pin: string, hash: string): Promise<boolean> {
  if (!pinHashSchema.safeParse(hash).success) return false
  const [, n, r, p, salt, key] = hash.split(':') as [string, string, string, string, string, string]
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(pin, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
