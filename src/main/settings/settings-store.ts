/** Loads settings (file < env < flags), persists changes atomically, keeps the bridge token. */
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensurePrivateDir, tightenTree, writeFileAtomic } from '../../platform/fs/private-files'
import { keptToken } from './kept-token'
import { keyFileSealer, type SecretSealer } from './secret-box'
import { refusePrototypeKeys } from './settings-keys'
import { parseSettings, SettingsError, type Settings } from './settings-schema'
import { openSecrets, sealSecrets } from './settings-secrets'
import { readEnv, readFlags, type SettingsPatch } from './settings-sources'

export interface LoadedSettings {
  settings: Settings
  dataDir: string
  /** The bridge token in force: from settings, or generated once and kept in the data directory. */
  bridgeToken: string
  /** True when the token was generated now (the host prints it so a person can configure the POS). */
  bridgeTokenGenerated: boolean
  /** Seals secrets written back to the data directory (the admin screen's saves). */
  sealer: SecretSealer
}

export interface LoadOptions {
  /** The sealer for secrets at rest (the Electron shell injects the OS keyring); default: a key file. */
  sealerFor?: (dataDir: string) => SecretSealer
}

export const SETTINGS_FILE = 'settings.json'
const TOKEN_FILE = 'bridge-token'

/** The data directory when none is given: per user, so a kiosk account keeps its own queue. */
export const defaultDataDir = (): string => join(homedir(), '.stamps-kiosk')

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Merges patches left to right; nested objects merge, undefined never erases a value. A prototype
 * key in any patch (file, environment, flags, the admin screen) is refused by name.
 */
export function mergePatches(...patches: SettingsPatch[]): SettingsPatch {
  for (const patch of patches) refusePrototypeKeys(patch, 'settings')
  return merge(patches)
}

function merge(patches: Array<Record<string, unknown>>): SettingsPatch {
  const out: Record<string, unknown> = {}
  for (const patch of patches) {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      out[key] = isPlainObject(value) && isPlainObject(out[key]) ? merge([out[key], value]) : value
    }
  }
  return out
}

/** Reads settings.json; a malformed file is a refusal, not a silent reset to defaults. */
export function readSettingsFile(dataDir: string): SettingsPatch {
  const file = join(dataDir, SETTINGS_FILE)
  if (!existsSync(file)) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
    if (!isPlainObject(parsed)) throw new Error('not a JSON object')
  } catch (err) {
    throw new SettingsError([{ field: file, message: (err as Error).message }])
  }
  refusePrototypeKeys(parsed, file)
  return parsed
}

/**
 * Validates a patch on top of the saved file and writes it atomically and durably, secrets
 * sealed (a file written by an older version in plaintext is sealed by its first save).
 */
export function saveSettings(dataDir: string, patch: SettingsPatch, sealer = keyFileSealer(dataDir)): Settings {
  const merged = mergePatches(openSecrets(readSettingsFile(dataDir), sealer), patch)
  const settings = parseSettings(merged)
  ensurePrivateDir(dataDir)
  writeFileAtomic(join(dataDir, SETTINGS_FILE), `${JSON.stringify(sealSecrets(merged, sealer), null, 2)}\n`)
  return settings
}

function bridgeTokenFor(
  settings: Settings,
  dataDir: string,
  sealer: SecretSealer
): { token: string; generated: boolean } {
  if (settings.bridge.token) return { token: settings.bridge.token, generated: false }
  return keptToken(dataDir, TOKEN_FILE, sealer)
}

/**
 * Resolves the data directory and settings from file, environment and flags, in that order.
 * The data directory is made private first (0700, and what an older version left readable, 0600).
 */
export function loadSettings(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  opts: LoadOptions = {}
): LoadedSettings {
  const fromFlags = readFlags(argv)
  const fromEnv = readEnv(env)
  const dataDir = resolve(fromFlags.dataDir ?? fromEnv.dataDir ?? defaultDataDir())
  ensurePrivateDir(dataDir)
  // receipts/: the virtual printer's folder (printer/create-transport.ts), member names on paper.
  tightenTree(dataDir, ['receipts'])
  const sealer = (opts.sealerFor ?? keyFileSealer)(dataDir)
  const saved = openSecrets(readSettingsFile(dataDir), sealer)
  const settings = parseSettings(mergePatches(saved, fromEnv.patch, fromFlags.patch))
  const { token, generated } = bridgeTokenFor(settings, dataDir, sealer)
  return { settings, dataDir, bridgeToken: token, bridgeTokenGenerated: generated, sealer }
}

/** Settings as the renderer may see them: secrets replaced by whether they are set, no PIN hashes, no metrics token. */
export function publicSettings(settings: Settings): Omit<Settings, 'credential' | 'bridge' | 'pins' | 'metrics'> & {
  credential: { kind: Settings['credential']['kind']; keySet: boolean; merchantId?: number }
  bridge: { port: number; tokenSet: boolean }
  pins: { cashierDefault: boolean; adminDefault: boolean }
} {
  // metrics (its LAN address and bearer token) is the fleet's business, not the screens'.
  const { credential, bridge, pins, metrics, ...rest } = settings
  void metrics
  return {
    ...rest,
    credential: {
      kind: credential.kind,
      keySet: credential.key.length > 0,
      ...(credential.kind === 'jwt' && { merchantId: credential.merchantId })
    },
    bridge: { port: bridge.port, tokenSet: Boolean(bridge.token) },
    pins: { cashierDefault: pins.cashier === null, adminDefault: pins.admin === null }
  }
}
