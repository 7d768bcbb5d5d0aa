/** Secrets at rest: sealed in settings.json and the token file, read back after a restart, tampering named. */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { keyFileSealer, keyringSealer, type SafeStorageLike } from './secret-box'
import { SettingsError } from './settings-schema'
import { loadSettings, saveSettings } from './settings-store'

const KEY = 'merchant-key-0123456789abcdef'
const dirs: Array<ReturnType<typeof tempDir>> = []
const fresh = (): string => {
  const tmp = tempDir('secret-box-')
  dirs.push(tmp)
  return tmp.dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove()
})

const fileText = (dir: string, name = 'settings.json'): string => readFileSync(join(dir, name), 'utf8')
const load = (dir: string) => loadSettings(['--data-dir', dir], {})

describe('secrets at rest', () => {
  it('keeps the key out of settings.json in clear, and a restart reads it back', () => {
    const dir = fresh()
    saveSettings(dir, { upstream: 'https://stamps.co.id', credential: { kind: 'token', key: KEY } })
    expect(fileText(dir)).not.toContain(KEY)
    expect(JSON.parse(fileText(dir)).credential.key).toMatch(/^sealed:v1:file:/)
    expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600)
    expect(load(dir).settings.credential).toEqual({ kind: 'token', key: KEY })
    // A later save that does not touch the key keeps it, still sealed.
    saveSettings(dir, { store: 3 })
    expect(fileText(dir)).not.toContain(KEY)
    expect(load(dir).settings).toMatchObject({ store: 3, credential: { key: KEY } })
  })

  it('reads a plaintext file from an older version and seals it at the next write', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ credential: { kind: 'token', key: KEY } }))
    expect(load(dir).settings.credential.key).toBe(KEY)
    saveSettings(dir, { language: 'en' })
    expect(fileText(dir)).not.toContain(KEY)
    expect(load(dir).settings).toMatchObject({ language: 'en', credential: { key: KEY } })
  })

  it('names the field when a sealed value was changed, moved or its key file lost', () => {
    const dir = fresh()
    saveSettings(dir, { credential: { kind: 'token', key: KEY }, bridge: { token: 't'.repeat(20) } })
    const saved = JSON.parse(fileText(dir)) as { credential: { key: string }; bridge: { token: string } }
    const sealed = saved.credential.key
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...saved, credential: { kind: 'token', key: flipped } }))
    expect(() => load(dir)).toThrow(SettingsError)
    expect(() => load(dir)).toThrow(/credential\.key: cannot be decrypted with .*secrets\.key/)
    // The bridge token's sealed text in the key's place: authenticated with its field, so refused.
    const moved = { ...saved, credential: { kind: 'token', key: saved.bridge.token } }
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(moved))
    expect(() => load(dir)).toThrow(/credential\.key: cannot be decrypted/)
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(saved))
    expect(load(dir).settings.credential.key).toBe(KEY)
    rmSync(join(dir, 'secrets.key'))
    expect(() => load(dir)).toThrow(/credential\.key: it was sealed with .*secrets\.key, which is missing/)
  })

  it('seals the kept bridge token too, upgrading a plaintext one in place', () => {
    const dir = fresh()
    const first = load(dir)
    expect(fileText(dir, 'bridge-token')).not.toContain(first.bridgeToken)
    expect(load(dir).bridgeToken).toBe(first.bridgeToken)
    const legacy = fresh()
    writeFileSync(join(legacy, 'bridge-token'), 'an-old-plaintext-bridge-token\n')
    expect(load(legacy)).toMatchObject({ bridgeToken: 'an-old-plaintext-bridge-token', bridgeTokenGenerated: false })
    expect(fileText(legacy, 'bridge-token')).toMatch(/^sealed:v1:file:/)
    expect(load(legacy).bridgeToken).toBe('an-old-plaintext-bridge-token')
  })
})

/** A stand-in for Electron's safeStorage (only the Electron shell has the real one). */
function fakeKeyring(backend = 'gnome_libsecret'): SafeStorageLike & { sealed: number } {
  const mask = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ 0x5a))
  return {
    sealed: 0,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      this.sealed++
      return mask(Buffer.from(`kr:${plain}`))
    },
    decryptString(sealed) {
      const text = mask(sealed).toString()
      if (!text.startsWith('kr:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage')
      return text.slice(3)
    }
  }
}

describe('the keyring sealer the Electron shell injects', () => {
  it('seals with the keyring and still opens what the key file sealed', () => {
    const dir = fresh()
    const byFile = keyFileSealer(dir).seal(KEY, 'credential.key')
    const keyring = fakeKeyring()
    const sealer = keyringSealer(keyring, keyFileSealer(dir))
    const sealed = sealer.seal(KEY, 'credential.key')
    expect(sealed).toMatch(/^sealed:v1:keyring:/)
    expect(keyring.sealed).toBe(1)
    expect(sealer.open(sealed, 'credential.key')).toBe(KEY)
    expect(sealer.open(byFile, 'credential.key')).toBe(KEY)
    expect(() => sealer.open(sealed, 'bridge.token')).toThrow(
      /bridge\.token: the sealed value belongs to another field/
    )
    // The headless host cannot open the keyring's values: it says so, by field.
    expect(() => keyFileSealer(dir).open(sealed, 'credential.key')).toThrow(/sealed with the desktop keyring/)
  })

  it('writes through loadSettings/saveSettings when injected, so settings.json holds keyring values', () => {
    const dir = fresh()
    const sealerFor = (d: string) => keyringSealer(fakeKeyring(), keyFileSealer(d))
    const loaded = loadSettings(['--data-dir', dir], {}, { sealerFor })
    saveSettings(dir, { credential: { kind: 'token', key: KEY } }, loaded.sealer)
    expect(JSON.parse(fileText(dir)).credential.key).toMatch(/^sealed:v1:keyring:/)
    expect(loadSettings(['--data-dir', dir], {}, { sealerFor }).settings.credential.key).toBe(KEY)
  })

  it("falls back to the key file where safeStorage's Linux backend is a built-in password", () => {
    const dir = fresh()
    const sealer = keyringSealer(fakeKeyring('basic_text'), keyFileSealer(dir))
    expect(sealer.seal(KEY, 'credential.key')).toMatch(/^sealed:v1:file:/)
  })
})
