/** PIN sessions: factory PINs, escalating lockout after wrong PINs, idle expiry, admin includes cashier. */
import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error'
import { AuthService } from './auth-service'
import { memoryLockoutStore } from './lockout-store'
import { hashPin, verifyPin } from './pin-hash'

const clock = () => {
  let t = 1_000_000
  return { now: () => t, advance: (ms: number) => void (t += ms) }
}
const refusal = async (p: Promise<unknown> | (() => unknown)): Promise<DomainError> => {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (err) {
    if (err instanceof DomainError) return err
    throw err
  }
  throw new Error('not refused')
}

describe('pin hashes', () => {
  it('verify the PIN they were made from and nothing else, with a fresh salt each time', async () => {
    const a = await hashPin('4321')
    const b = await hashPin('4321')
    expect(a).not.toBe(b)
    expect(a).not.toContain('4321')
    expect(await verifyPin('4321', a)).toBe(true)
    expect(await verifyPin('4322', a)).toBe(false)
    expect(await verifyPin('4321', 'scrypt:garbage')).toBe(false)
  })
})

describe('AuthService', () => {
  it('opens with the factory PINs, says they are defaults, and admin includes cashier rights', async () => {
    const auth = new AuthService({ hashes: { cashier: null, admin: null } })
    expect(auth.state()).toMatchObject({ role: null, defaultPins: { cashier: true, admin: true } })
    expect((await refusal(() => auth.require('cashier'))).fields).toEqual([['session', 'cashier']])
    await auth.unlock('cashier', '1111')
    auth.require('cashier')
    expect((await refusal(() => auth.require('admin'))).code).toBe('forbidden')
    await auth.unlock('admin', '0000')
    auth.require('cashier')
    auth.require('admin')
    auth.lock()
    expect((await refusal(() => auth.require('cashier'))).code).toBe('forbidden')
  })

  it('locks unlocking for 30 s after 5 wrong PINs, even for the right PIN, then lets it in', async () => {
    const c = clock()
    const auth = new AuthService({ hashes: { cashier: await hashPin('2468'), admin: null }, now: c.now })
    for (let i = 4; i >= 1; i--)
      expect((await refusal(auth.unlock('cashier', '1111'))).fields).toEqual([['pin', `${i} tries left`]])
    const locked = await refusal(auth.unlock('cashier', '9999'))
    expect(locked.code).toBe('forbidden')
    expect(locked.fields).toContainEqual(['retryAfterSeconds', '30'])
    expect((await refusal(auth.unlock('cashier', '2468'))).code).toBe('forbidden')
    c.advance(30_001)
    expect((await auth.unlock('cashier', '2468')).role).toBe('cashier')
  })

  it('escalates: each wrong PIN after a lockout locks again for longer, up to 1 h', async () => {
    const c = clock()
    const store = memoryLockoutStore()
    const auth = new AuthService({
      hashes: { cashier: await hashPin('2468'), admin: null },
      now: c.now,
      lockout: store
    })
    for (let i = 0; i < 4; i++) await refusal(auth.unlock('cashier', '1111'))
    const waits: string[] = []
    for (let i = 0; i < 7; i++) {
      const locked = await refusal(auth.unlock('cashier', '1111'))
      expect(locked.code).toBe('forbidden')
      const wait = locked.fields?.find(([f]) => f === 'retryAfterSeconds')?.[1] ?? ''
      waits.push(wait)
      expect(auth.state().lockedUntil).toBe(c.now() + Number(wait) * 1000)
      expect(store.saved.lockedUntil).toBe(auth.state().lockedUntil)
      // halfway through, the refusal counts down truthfully and even the right PIN waits
      c.advance((Number(wait) * 1000) / 2)
      const during = await refusal(auth.unlock('cashier', '2468'))
      expect(during.fields).toContainEqual(['retryAfterSeconds', String(Number(wait) / 2)])
      c.advance((Number(wait) * 1000) / 2 + 1)
    }
    expect(waits).toEqual(['30', '120', '600', '1800', '3600', '3600', '3600'])
  })

  it('a right PIN after a lockout resets the ladder: 5 tries and 30 s again', async () => {
    const c = clock()
    const auth = new AuthService({ hashes: { cashier: await hashPin('2468'), admin: null }, now: c.now })
    for (let i = 0; i < 5; i++) await refusal(auth.unlock('cashier', '1111'))
    c.advance(30_001)
    expect((await refusal(auth.unlock('cashier', '1111'))).fields).toContainEqual(['retryAfterSeconds', '120'])
    c.advance(120_001)
    expect((await auth.unlock('cashier', '2468')).role).toBe('cashier')
    auth.lock()
    for (let i = 4; i >= 1; i--)
      expect((await refusal(auth.unlock('cashier', '1111'))).fields).toEqual([['pin', `${i} tries left`]])
    expect((await refusal(auth.unlock('cashier', '1111'))).fields).toContainEqual(['retryAfterSeconds', '30'])
  })

  it('counts parallel guesses one by one: a burst cannot outrun the lockout', async () => {
    const auth = new AuthService({ hashes: { cashier: await hashPin('2468'), admin: null } })
    const burst = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => auth.unlock('cashier', i === 9 ? '2468' : `100${i}`))
    )
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(0)
    expect(auth.state().lockedUntil).not.toBeNull()
  })

  it('locks an idle session: cashier after 5 minutes, admin after 2; use keeps it open', async () => {
    const c = clock()
    const auth = new AuthService({ hashes: { cashier: null, admin: null }, now: c.now })
    const changes: Array<string | null> = []
    auth.on('changed', (s) => changes.push(s.role))
    await auth.unlock('cashier', '1111')
    c.advance(4 * 60_000)
    auth.require('cashier')
    c.advance(4 * 60_000)
    auth.require('cashier')
    c.advance(5 * 60_000 + 1)
    expect((await refusal(() => auth.require('cashier'))).code).toBe('forbidden')
    await auth.unlock('admin', '0000')
    c.advance(2 * 60_000 + 1)
    expect(auth.state().role).toBeNull()
    expect(changes).toEqual(['cashier', null, 'admin', null])
  })
})
