import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsError } from './settings-schema'
import { loadSettings, publicSettings, saveSettings } from './settings-store'

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'settings-'))

describe('settings', () => {
  it('defaults to the embedded sandbox with the demo merchant', () => {
    const dir = freshDir()
    const { settings, dataDir } = loadSettings(['--data-dir', dir], {})
    expect(dataDir).toBe(dir)
    expect(settings.upstream).toBeNull()
    expect(settings.merchant).toBe(14)
    expect(settings.credential).toEqual({ kind: 'token', key: 'aaaabbbbccccddddeeeefffff' })
  })

  it('layers file < env < flags', () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ store: 3, language: 'en', bridge: { port: 9000 } }))
    const env = { STAMPS_KIOSK_STORE: '32', STAMPS_KIOSK_BRIDGE_PORT: '9100' }
    const { settings } = loadSettings(['--data-dir', dir, '--store', '84'], env)
    expect(settings.store).toBe(84)
    expect(settings.bridge.port).toBe(9100)
    expect(settings.language).toBe('en')
  })

  it('names the bad field when a value is wrong', () => {
    const dir = freshDir()
    expect(() => loadSettings(['--data-dir', dir, '--upstream', 'ftp://x'], {})).toThrow(
      /upstream: must be an http\(s\) URL/
    )
    expect(() => loadSettings(['--data-dir', dir, '--upstream', 'https://user:secret@proxy.example/'], {})).toThrow(
      /upstream: must not carry a user name or password/
    )
    expect(() => loadSettings(['--data-dir', dir, '--bridge-port', 'abc'], {})).toThrow(
      /bridge\.port: "abc" is not a number/
    )
    expect(() => loadSettings(['--data-dir', dir, '--bogus'], {})).toThrow(SettingsError)
  })

  it('refuses a malformed settings file instead of resetting it', () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'settings.json'), '{"store": 3,')
    expect(() => loadSettings(['--data-dir', dir], {})).toThrow(/settings\.json/)
  })

  it('builds a JWT credential from the key (environment), merchant and --auth jwt', () => {
    const dir = freshDir()
    const argv = ['--data-dir', dir, '--upstream', 'https://stamps.co.id/', '--auth', 'jwt', '--merchant', '5']
    const { settings } = loadSettings(argv, { STAMPS_KIOSK_KEY: 'k'.repeat(20) })
    expect(settings.upstream).toBe('https://stamps.co.id')
    expect(settings.credential).toEqual({ kind: 'jwt', key: 'k'.repeat(20), merchantId: 5 })
  })

  it('generates the bridge token once and keeps it private', () => {
    const dir = freshDir()
    const first = loadSettings(['--data-dir', dir], {})
    const second = loadSettings(['--data-dir', dir], {})
    expect(first.bridgeTokenGenerated).toBe(true)
    expect(second.bridgeTokenGenerated).toBe(false)
    expect(second.bridgeToken).toBe(first.bridgeToken)
    expect(first.bridgeToken.length).toBeGreaterThanOrEqual(16)
    expect(statSync(join(dir, 'bridge-token')).mode & 0o077).toBe(0)
  })

  it('saves validated changes and never leaks secrets to the public view', () => {
    const dir = freshDir()
    expect(() => saveSettings(dir, { paperWidth: 60 })).toThrow(/paperWidth/)
    const saved = saveSettings(dir, { paperWidth: 80, credential: { kind: 'token', key: 'secret-key-123' } })
    expect(saved.paperWidth).toBe(80)
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).paperWidth).toBe(80)
    const view = JSON.stringify(publicSettings(saved))
    expect(view).not.toContain('secret-key-123')
    expect(view).toContain('"keySet":true')
  })
})
