/** The PIN lockout on disk: it outlives the process, the file is private, bad files and clocks are survived. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { DomainError } from '../domain-error'
import { AuthService } from './auth-service'
import { lockoutFileStore, type LockoutStore } from './lockout-store'
import { hashPin } from './pin-hash'

const dirs: Array<ReturnType<typeof tempDir>> = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))
const lockoutFile = (): string => {
  const d = tempDir('pin-lockout-')
  dirs.push(d)
  return d.file('pin-lockout.json')
}
const refusal = async (p: Promise<unknown>): Promise<DomainError> => {
  const err = await p.then(
    () => new Error('not refused'),
    (e: unknown) => e
  )
  if (err instanceof DomainError) return err
  throw err
}
const retryAfter = (e: DomainError): number => Number(e.fields?.find(([f]) => f === 'retryAfterSeconds')?.[1])

let hash: string
const boot = async (store: LockoutStore, now: () => number, log?: (l: string) => void): Promise<AuthService> =>
  new AuthService({ hashes: { cashier: (hash ??= await hashPin('2468')), admin: null }, lockout: store, now, log })

describe('PIN lockout file', () => {
  it('keeps the count and the lockout across a restart, in a 0600 file written atomically', async () => {
    const path = lockoutFile()
    let t = 5_000_000
    const now = () => t
    const first = await boot(lockoutFileStore(path), now)
    for (let i = 0; i < 3; i++) await refusal(first.unlock('cashier', '1111'))
    // a restart between guesses: the two tries left are all there are
    const second = await boot(lockoutFileStore(path), now)
    expect((await refusal(second.unlock('cashier', '1111'))).fields).toEqual([['pin', '1 tries left']])
    expect(retryAfter(await refusal(second.unlock('cashier', '1111')))).toBe(30)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(existsSync(`${path}.tmp`)).toBe(false)
    t += 10_000
    const third = await boot(lockoutFileStore(path), now)
    expect(third.state().lockedUntil).toBe(5_000_000 + 30_000)
    const stillLocked = await refusal(third.unlock('cashier', '2468'))
    expect(stillLocked.code).toBe('forbidden')
    expect(retryAfter(stillLocked)).toBe(20)
    // the ladder survives too: the next wrong PIN after the lockout is the 2-minute step
    t += 20_001
    expect(retryAfter(await refusal(third.unlock('cashier', '1111')))).toBe(120)
    t += 120_001
    await (await boot(lockoutFileStore(path), now)).unlock('cashier', '2468')
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ v: 1, failures: 0, lockouts: 0, lockedUntil: 0 })
  })

  it('a file that is not a lockout file is logged and read as no lockout', async () => {
    const path = lockoutFile()
    for (const junk of [
      '{"v":1,"failures":-1}',
      'not json',
      '{"v":1,"failures":0,"lockouts":0,"lockedUntil":0,"x":1}'
    ]) {
      writeFileSync(path, junk)
      const lines: string[] = []
      const auth = await boot(
        lockoutFileStore(path, (l) => lines.push(l)),
        () => 1_000
      )
      expect(auth.state().lockedUntil).toBeNull()
      expect(lines.join('\n')).toContain(path)
    }
  })

  it('a deadline beyond the longest step (a clock set back) is cut to one step from now', async () => {
    const path = lockoutFile()
    writeFileSync(path, JSON.stringify({ v: 1, failures: 0, lockouts: 2, lockedUntil: 1_000 + 365 * 86_400_000 }))
    const auth = await boot(lockoutFileStore(path), () => 1_000)
    expect(auth.state().lockedUntil).toBe(1_000 + 120_000)
    expect(retryAfter(await refusal(auth.unlock('cashier', '2468')))).toBe(120)
    expect(JSON.parse(readFileSync(path, 'utf8')).lockedUntil).toBe(1_000 + 120_000)
  })

  it('a disk that refuses the write is logged; the lockout still holds in this process', async () => {
    const lines: string[] = []
    const broken: LockoutStore = {
      load: () => ({ failures: 0, lockouts: 0, lockedUntil: 0 }),
      save: () => Promise.reject(new Error('ENOSPC: no space left on device'))
    }
    const auth = await boot(
      broken,
      () => 1_000,
      (l) => lines.push(l)
    )
    for (let i = 0; i < 5; i++) await refusal(auth.unlock('cashier', '1111'))
    expect(retryAfter(await refusal(auth.unlock('cashier', '2468')))).toBe(30)
    expect(lines.some((l) => l.includes('ENOSPC'))).toBe(true)
  })
})
