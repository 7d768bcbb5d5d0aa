/** Loads settings (file < env < flags), persists changes atomically, keeps the bridge token. */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseSettings, SettingsError, type Settings } from './settings-schema'
import { readEnv, readFlags, type SettingsPatch } from './settings-sources'

export interface LoadedSettings {
  settings: Settings
  dataDir: string
  /** The bridge token in force: from settings, or generated once and kept in the data directory. */
  bridgeToken: string
  /** True when the token was generated now (the host prints it so a person can configure the POS). */
  bridgeTokenGenerated: boolean
}

export const SETTINGS_FILE = 'settings.json'
const TOKEN_FILE = 'bridge-token'

/** The data directory when none is given: per user, so a kiosk account keeps its own queue. */
export const defaultDataDir = (): string => join(homedir(), '.stamps-kiosk')

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Merges patches left to right; nested objects merge, undefined never erases a value. */
export function mergePatches(...patches: SettingsPatch[]): SettingsPatch {
  const out: Record<string, unknown> = {}
  for (const patch of patches) {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergePatches(out[key], value) : value
    }
  }
  return out
}

/** Reads settings.json; a malformed file is a refusal, not a silent reset to defaults. */
export function readSettingsFile(dataDir: string): SettingsPatch {
  const file = join(dataDir, SETTINGS_FILE)
  if (!existsSync(file)) return {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (!isPlainObject(parsed)) throw new Error('not a JSON object')
    return parsed
  } catch (err) {
    throw new SettingsError([{ field: file, message: (err as Error).message }])
  }
}

/** Validates a patch on top of the saved file and writes it atomically (tmp + rename). */
export function saveSettings(dataDir: string, patch: SettingsPatch): Settings {
  const merged = mergePatches(readSettingsFile(dataDir), patch)
  const settings = parseSettings(merged)
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, SETTINGS_FILE)
  writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
  return settings
}

function bridgeTokenFor(settings: Settings, dataDir: string): { token: string; generated: boolean } {
  if (settings.bridge.token) return { token: settings.bridge.token, generated: false }
  const file = join(dataDir, TOKEN_FILE)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept.length >= 16) return { token: kept, generated: false }
  }
  const token = randomBytes(24).toString('base64url')
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return { token, generated: true }
}

/** Resolves the data directory and settings from file, environment and flags, in that order. */
export function loadSettings(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadedSettings {
  const fromFlags = readFlags(argv)
  const fromEnv = readEnv(env)
  const dataDir = resolve(fromFlags.dataDir ?? fromEnv.dataDir ?? defaultDataDir())
  mkdirSync(dataDir, { recursive: true })
  const settings = parseSettings(mergePatches(readSettingsFile(dataDir), fromEnv.patch, fromFlags.patch))
  const { token, generated } = bridgeTokenFor(settings, dataDir)
  return { settings, dataDir, bridgeToken: token, bridgeTokenGenerated: generated }
}

/** Settings as the renderer may see them: secrets replaced by whether they are set, no PIN hashes. */
export function publicSettings(settings: Settings): Omit<Settings, 'credential' | 'bridge' | 'pins'> & {
  credential: { kind: Settings['credential']['kind']; keySet: boolean; merchantId?: number }
  bridge: { port: number; tokenSet: boolean }
  pins: { cashierDefault: boolean; adminDefault: boolean }
} {
  const { credential, bridge, pins, ...rest } = settings
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
