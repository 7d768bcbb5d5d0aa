/** The PIN lockout through the real host's IPC router: restarting the app does not clear it. */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { PIN_LOCKOUT_FILE } from './auth.setup'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
})
afterEach(async () => {
  await rig.stop()
})

const retryAfter = (fields: Array<[string, string]> | undefined): number =>
  Number(fields?.find(([f]) => f === 'retryAfterSeconds')?.[1])

describe('PIN lockout across a restart of the host', () => {
  it('a till locked by wrong PINs is still locked after a restart, with a truthful wait', async () => {
    for (let i = 4; i >= 1; i--)
      expect(await rig.refused('auth:unlock', { role: 'cashier', pin: '9999' })).toMatchObject({
        code: 'invalid-input',
        fields: [['pin', `${i} tries left`]]
      })
    const locked = await rig.refused('auth:unlock', { role: 'admin', pin: '9999' })
    expect(locked.code).toBe('forbidden')
    expect(retryAfter(locked.fields)).toBe(30)
    const lockedUntil = (await rig.ok('auth:state', {})).lockedUntil
    expect(lockedUntil).not.toBeNull()
    expect(statSync(join(rig.dataDir, PIN_LOCKOUT_FILE)).mode & 0o777).toBe(0o600)

    await rig.restart()

    expect((await rig.ok('auth:state', {})).lockedUntil).toBe(lockedUntil)
    // the factory PIN is right, and still refused until the deadline
    const after = await rig.refused('auth:unlock', { role: 'cashier', pin: '1111' })
    expect(after.code).toBe('forbidden')
    const wait = retryAfter(after.fields)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(30)
    expect(Math.abs(Date.now() + wait * 1000 - lockedUntil!)).toBeLessThan(1_500)
    expect(await rig.refused('balance:credit', { requestId: 'req-00001', user: 'x', amount: 1 })).toMatchObject({
      code: 'forbidden',
      fields: [['session', 'cashier']]
    })
  })
})
