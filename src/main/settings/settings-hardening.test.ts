/** Settings against a local attacker: prototype keys, secrets on command lines, plain-http upstreams, readable files. */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { SettingsError } from './settings-schema'
import { loadSettings, mergePatches, saveSettings } from './settings-store'

const dirs: Array<ReturnType<typeof tempDir>> = []
const fresh = (): string => {
  const tmp = tempDir('settings-hard-')
  dirs.push(tmp)
  return tmp.dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove()
})

/** The SettingsError's fields, or a failure when it did not throw one. */
function refusedFields(run: () => unknown): string[] {
  try {
    run()
  } catch (err) {
    if (err instanceof SettingsError) return err.problems.map((p) => p.field)
    throw err
  }
  throw new Error('not refused')
}

const modeOf = (path: string): number => statSync(path).mode & 0o777

describe('prototype keys', () => {
  it('refuses "__proto__" in a real settings.json by name instead of making it the prototype', () => {
    const dir = fresh()
    // JSON.parse makes this an own key; merged by assignment it would become the settings' prototype.
    writeFileSync(join(dir, 'settings.json'), '{"store": 3, "__proto__": {"upstream": "https://evil.example"}}')
    expect(refusedFields(() => loadSettings(['--data-dir', dir], {}))).toEqual(['__proto__'])
    expect(() => loadSettings(['--data-dir', dir], {})).toThrow(/__proto__: not a setting \(a prototype key/)
  })

  it('refuses constructor and prototype anywhere, with their path', () => {
    const dir = fresh()
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ kiosk: { constructor: { prototype: 1 } }, bridge: { prototype: { port: 1 } } })
    )
    expect(refusedFields(() => loadSettings(['--data-dir', dir], {})).sort()).toEqual([
      'bridge.prototype',
      'kiosk.constructor'
    ])
  })

  it('refuses them in any patch merged (the admin screen, environment, flags) and saves nothing', () => {
    const dir = fresh()
    const patch = JSON.parse('{"credential": {"__proto__": {"kind": "token", "key": "xxxxxxxxx"}}}') as Record<
      string,
      unknown
    >
    expect(refusedFields(() => mergePatches({ store: 3 }, patch))).toEqual(['credential.__proto__'])
    expect(refusedFields(() => saveSettings(dir, JSON.parse('{"__proto__": {"store": 9}}') as never))).toEqual([
      '__proto__'
    ])
    expect(() => readFileSync(join(dir, 'settings.json'))).toThrow(/ENOENT/)
  })
})

describe('secrets never on a command line', () => {
  it('refuses --key and --bridge-token, naming the variable to use instead', () => {
    const dir = fresh()
    for (const argv of [
      ['--key', 'k'.repeat(20)],
      ['--key=kkkkkkkkkkkkkkkkkkkk'],
      ['--bridge-token', 't'.repeat(20)]
    ]) {
      expect(() => loadSettings(['--data-dir', dir, ...argv], {})).toThrow(SettingsError)
    }
    expect(() => loadSettings(['--data-dir', dir, '--key', 'k'.repeat(20)], {})).toThrow(
      /--key: not accepted on the command line.*set STAMPS_KIOSK_KEY instead/
    )
    expect(() => loadSettings(['--data-dir', dir, '--bridge-token', 't'.repeat(20)], {})).toThrow(
      /STAMPS_KIOSK_BRIDGE_TOKEN/
    )
  })

  it('takes them from the environment', () => {
    const dir = fresh()
    const loaded = loadSettings(['--data-dir', dir, '--upstream', 'https://stamps.co.id'], {
      STAMPS_KIOSK_KEY: 'k'.repeat(20),
      STAMPS_KIOSK_BRIDGE_TOKEN: 't'.repeat(20)
    })
    expect(loaded.settings.credential).toEqual({ kind: 'token', key: 'k'.repeat(20) })
    expect(loaded.bridgeToken).toBe('t'.repeat(20))
  })
})

describe('upstream transport', () => {
  it('must be https unless the server is on this computer', () => {
    const dir = fresh()
    const upstream = (url: string) => () => loadSettings(['--data-dir', dir, '--upstream', url], {})
    expect(upstream('http://stamps.co.id')).toThrow(/upstream: must be https \(http only for a server on this computer/)
    expect(upstream('http://10.0.0.5:8000')).toThrow(/must be https/)
    expect(upstream('http://127.0.0.1.evil.example')).toThrow(/must be https/)
    for (const ok of ['https://stamps.co.id', 'http://127.0.0.1:8000', 'http://127.8.0.1', 'http://localhost:1'])
      expect(upstream(ok)().settings.upstream).toBe(ok)
    expect(upstream('http://[::1]:8000')().settings.upstream).toBe('http://[::1]:8000')
  })
})

describe('data directory permissions', () => {
  it('creates a missing data directory 0700 with its files 0600', () => {
    const dir = join(fresh(), 'nested', 'data')
    loadSettings(['--data-dir', dir], {})
    saveSettings(dir, { store: 3 })
    expect(modeOf(dir)).toBe(0o700)
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o600)
    expect(modeOf(join(dir, 'bridge-token'))).toBe(0o600)
  })

  it('replaces settings.json through a private, fsynced temporary file, even one a crash left readable', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'settings.json.tmp'), '{"half": ')
    chmodSync(join(dir, 'settings.json.tmp'), 0o644)
    saveSettings(dir, { store: 3 })
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o600)
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ store: 3 })
  })

  it('tightens a world-readable one left by an older version, receipts included', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'settings.json'), '{"store": 3}')
    writeFileSync(join(dir, 'outbox.sqlite-wal'), '')
    mkdirSync(join(dir, 'receipts', 'old'), { recursive: true })
    writeFileSync(join(dir, 'receipts', 'old', '1.txt'), 'Customer')
    mkdirSync(join(dir, 'not-ours'))
    writeFileSync(join(dir, 'not-ours', 'kept.txt'), 'left alone')
    for (const p of ['', 'settings.json', 'outbox.sqlite-wal', 'receipts/old/1.txt', 'not-ours/kept.txt'])
      chmodSync(join(dir, p), p === '' || !p.includes('.') ? 0o755 : 0o644)
    chmodSync(join(dir, 'receipts'), 0o755)
    chmodSync(join(dir, 'receipts', 'old'), 0o755)
    loadSettings(['--data-dir', dir], {})
    expect(modeOf(dir)).toBe(0o700)
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o600)
    expect(modeOf(join(dir, 'outbox.sqlite-wal'))).toBe(0o600)
    expect(modeOf(join(dir, 'receipts'))).toBe(0o700)
    expect(modeOf(join(dir, 'receipts', 'old'))).toBe(0o700)
    expect(modeOf(join(dir, 'receipts', 'old', '1.txt'))).toBe(0o600)
    // A folder the app did not make is not walked (the data directory itself closes it).
    expect(modeOf(join(dir, 'not-ours', 'kept.txt'))).toBe(0o644)
  })
})
