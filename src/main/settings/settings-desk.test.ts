/** Admin settings through the host's IPC router: PIN-guarded, validated, secrets never returned. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitFor } from '../../../tests/support/wait-for'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { loadSettings } from './settings-store'

const SECRET = 'kiosk-secret-key-0123456789'
let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
})
afterEach(async () => {
  await rig.stop()
})

describe('admin settings over IPC', () => {
  it('needs the admin PIN; a cashier session is not enough', async () => {
    expect(await rig.refused('settings:save', { patch: { language: 'id' } })).toMatchObject({
      code: 'forbidden',
      fields: [['session', 'admin']]
    })
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    expect((await rig.refused('settings:save', { patch: { language: 'id' } })).code).toBe('forbidden')
    expect(rig.settingsFile().language).toBe('en')
  })

  it('refuses a bad upstream URL and a bad printer spec by field, saving nothing', async () => {
    await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
    const before = rig.settingsFile()
    const err = await rig.refused('settings:save', {
      patch: { upstream: 'ftp://stamps.co.id', printer: 'lpt1', language: 'id' }
    })
    expect(err.code).toBe('validation')
    expect(err.fields?.map(([f]) => f).sort()).toEqual(['printer', 'upstream'])
    expect(rig.settingsFile()).toEqual(before)
    expect((await rig.ok('status:get', {})).language).toBe('en')
  })

  it('saves credentials write-only: never in an answer, kept when a later patch omits the key', async () => {
    await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
    const saved = await rig.ok('settings:save', { patch: { credential: { kind: 'token', key: SECRET }, store: 3 } })
    expect(JSON.stringify(saved)).not.toContain(SECRET)
    expect(saved).toMatchObject({
      settings: { credential: { kind: 'token', keySet: true }, store: 3 },
      restartNeeded: true,
      restartFields: ['credential', 'store']
    })
    // Saved sealed (see secret-box.ts): not in the file in clear, and the next start reads it back.
    const savedKey = () => loadSettings(['--data-dir', rig.dataDir], {}).settings.credential
    expect(JSON.stringify(rig.settingsFile())).not.toContain(SECRET)
    expect(savedKey()).toEqual({ kind: 'token', key: SECRET })
    await rig.ok('settings:save', { patch: { credential: { kind: 'token' } } })
    expect(JSON.stringify(rig.settingsFile())).not.toContain(SECRET)
    expect(savedKey()).toEqual({ kind: 'token', key: SECRET })
    const view = await rig.ok('settings:get', {})
    expect(JSON.stringify(view)).not.toContain(SECRET)
    expect((await rig.ok('status:get', {})).restartNeeded).toBe(true)
    // The saved key is wrong for the sandbox: testing it says so before anyone restarts.
    expect((await rig.refused('settings:test-upstream', {})).code).toBe('auth')
    expect(
      await rig.ok('settings:test-upstream', { credential: { kind: 'token', key: 'aaaabbbbccccddddeeeefffff' } })
    ).toMatchObject({ merchantId: 14 })
  })

  it('never sends the saved key to a server other than the saved one', async () => {
    await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
    let heard = 0
    const other = createServer((_req, res) => (heard++, res.end('{}')))
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
      const refused = await rig.refused('settings:test-upstream', { upstream: url })
      expect(refused).toMatchObject({ code: 'validation', fields: [['credential.key', expect.any(String)]] })
      expect((await rig.refused('settings:test-upstream', { upstream: url, credential: { kind: 'token' } })).code).toBe(
        'validation'
      )
      expect(heard).toBe(0)
      // A key typed for the test goes to that server (and only that key).
      await rig.refused('settings:test-upstream', {
        upstream: url,
        credential: { kind: 'token', key: 'typed-key-123' }
      })
      expect(heard).toBe(1)
    } finally {
      other.close()
    }
  })

  it('applies language, kiosk options and the printer live', async () => {
    await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
    const receipts = join(rig.dataDir, 'elsewhere')
    const saved = await rig.ok('settings:save', {
      patch: { language: 'id', kiosk: { mode: 'kiosk', idleTimeoutSeconds: 90 }, printer: `file:${receipts}` }
    })
    expect(saved.applied.sort()).toEqual(['kiosk', 'language', 'printer'])
    expect(saved.restartNeeded).toBe(false)
    expect(await rig.ok('status:get', {})).toMatchObject({ language: 'id', mode: 'kiosk', idleTimeoutSeconds: 90 })
    // The screen is a kiosk now: no test page from it, but the member's slip goes to the new printer.
    expect(await rig.refused('printer:test', {})).toMatchObject({ code: 'forbidden', fields: [['mode', 'kiosk']] })
    const slip = await rig.ok('member:print-slip', { user: DEMO.customer })
    await waitFor(() => existsSync(join(receipts, `${slip.jobId}.bin`)), 'the slip in the new printer folder')
  })

  it('discards a print job only inside a session', async () => {
    const job = await rig.ok('printer:test', {})
    expect((await rig.refused('printer:discard', { id: job.id })).code).toBe('forbidden')
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    // Past the session check, the queue's own rule answers: a printed job is not discarded.
    expect(await rig.refused('printer:discard', { id: job.id })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/printed/)
    })
  })

  it('changes a PIN: stored as a hash, the old PIN stops working, the status stops nagging', async () => {
    await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
    expect((await rig.ok('status:get', {})).defaultPins).toEqual(['cashier', 'admin'])
    expect((await rig.refused('auth:set-pin', { role: 'cashier', pin: '0000' })).fields).toEqual([
      ['pin', 'factory PIN']
    ])
    const state = await rig.ok('auth:set-pin', { role: 'cashier', pin: '482613' })
    expect(state.defaultPins).toEqual({ cashier: false, admin: true })
    expect((await rig.refused('auth:set-pin', { role: 'admin', pin: '482613' })).fields).toEqual([
      ['pin', 'same as the cashier PIN']
    ])
    const file = JSON.stringify(rig.settingsFile())
    expect(file).toMatch(/"cashier":"scrypt:/)
    expect(file).not.toContain('482613')
    expect(JSON.stringify(await rig.ok('settings:get', {}))).not.toContain('scrypt')
    expect((await rig.ok('status:get', {})).defaultPins).toEqual(['admin'])
    await rig.ok('auth:lock', {})
    expect((await rig.refused('auth:unlock', { role: 'cashier', pin: '1111' })).code).toBe('invalid-input')
    expect((await rig.ok('auth:unlock', { role: 'cashier', pin: '482613' })).role).toBe('cashier')
  })
})
