/**
 * Admin settings against someone holding the admin PIN who wants the merchant's key: the saved
 * key never follows a new upstream (it must be typed again), never goes out over plain http,
 * and a prototype key in a patch is refused. All through the real host's IPC router.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { loadSettings } from './settings-store'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig()
  await rig.ok('auth:unlock', { role: 'admin', pin: '0000' })
})
afterEach(async () => {
  await rig.stop()
})

const OTHER = 'http://127.0.0.1:9'
const TYPED = 'a-key-typed-for-the-new-server'

describe('changing the upstream', () => {
  it('needs the key typed again; without it nothing is saved and the field says why', async () => {
    const before = rig.settingsFile()
    for (const patch of [{ upstream: OTHER }, { upstream: OTHER, credential: { kind: 'token' as const } }]) {
      const err = await rig.refused('settings:save', { patch })
      expect(err).toMatchObject({
        code: 'validation',
        fields: [['credential.key', expect.stringMatching(/enter the API key again to change the server/)]]
      })
    }
    expect(rig.settingsFile()).toEqual(before)
    const saved = await rig.ok('settings:save', {
      patch: { upstream: OTHER, credential: { kind: 'token', key: TYPED } }
    })
    expect(saved.restartFields.sort()).toEqual(['credential', 'upstream'])
    expect(loadSettings(['--data-dir', rig.dataDir], {}).settings).toMatchObject({
      upstream: OTHER,
      credential: { key: TYPED }
    })
  })

  it('does not ask for the key when the server stays the same or becomes the embedded sandbox', async () => {
    const current = String(rig.settingsFile().upstream)
    await rig.ok('settings:save', { patch: { upstream: `${current}/`, language: 'id' } })
    expect((await rig.ok('settings:save', { patch: { upstream: null } })).settings.upstream).toBeNull()
  })

  it('refuses plain http to another computer, for a save and for a test (nothing is sent)', async () => {
    for (const upstream of ['http://stamps.co.id', 'http://192.168.1.20:8000']) {
      const save = await rig.refused('settings:save', {
        patch: { upstream, credential: { kind: 'token', key: TYPED } }
      })
      expect(save).toMatchObject({ code: 'validation', fields: [['upstream', expect.stringMatching(/must be https/)]] })
      const test = await rig.refused('settings:test-upstream', {
        upstream,
        credential: { kind: 'token', key: TYPED }
      })
      expect(test).toMatchObject({ code: 'validation', fields: [['upstream', expect.stringMatching(/must be https/)]] })
    }
    expect(rig.settingsFile().upstream).not.toMatch(/stamps\.co\.id|192\.168/)
  })
})

describe('prototype keys in a patch', () => {
  it('are refused by name and nothing is saved', async () => {
    const before = rig.settingsFile()
    // What a renderer (or anyone holding the IPC socket) sends: JSON with an own __proto__ key.
    const patch = JSON.parse('{"language": "id", "__proto__": {"upstream": "https://evil.example"}}') as object
    const err = await rig.refused('settings:save', { patch } as never)
    expect(JSON.stringify(err)).toContain('__proto__')
    const nested = JSON.parse('{"kiosk": {"constructor": {"mode": "cashier"}}}') as object
    expect(JSON.stringify(await rig.refused('settings:save', { patch: nested } as never))).toContain('constructor')
    expect(rig.settingsFile()).toEqual(before)
  })
})
