/** Reads settings overrides from command-line flags and STAMPS_KIOSK_* environment variables. */
import { parseArgs } from 'node:util'
import { SettingsError, type SettingsInput } from './settings-schema'

/** A partial settings object as written by a person (file, env or flags) before validation. */
export type SettingsPatch = Partial<{ -readonly [K in keyof SettingsInput]: unknown }> & Record<string, unknown>

export interface HostArgs {
  dataDir?: string
  patch: SettingsPatch
}

/** Secrets: environment (or settings.json) only. A command line is readable by every user (`ps`). */
const SECRET_OPTIONS = {
  'bridge-token': { type: 'string' },
  key: { type: 'string' },
  'metrics-token': { type: 'string' }
} as const

/** The host's flags (`--help` lists each with its default: settings/settings-help.ts). */
export const HOST_FLAGS = {
  'data-dir': { type: 'string' },
  'ui-port': { type: 'string' },
  'bridge-port': { type: 'string' },
  'capture-port': { type: 'string' },
  'capture-host': { type: 'string' },
  upstream: { type: 'string' },
  auth: { type: 'string' },
  merchant: { type: 'string' },
  store: { type: 'string' },
  printer: { type: 'string' },
  scanner: { type: 'string' },
  mode: { type: 'string' },
  language: { type: 'string' },
  'metrics-listen': { type: 'string' },
  'log-level': { type: 'string' }
} as const

const OPTIONS = { ...HOST_FLAGS, ...SECRET_OPTIONS }
type FlagName = keyof typeof OPTIONS

/** Environment variable names, one per option: --bridge-port is STAMPS_KIOSK_BRIDGE_PORT. */
export const envName = (flag: FlagName): string => `STAMPS_KIOSK_${flag.toUpperCase().replace(/-/g, '_')}`

/** Refuses `--key K` and `--bridge-token T` (and their `=` forms), saying where the secret goes instead. */
function refuseSecretFlags(argv: string[]): void {
  const problems = (Object.keys(SECRET_OPTIONS) as Array<keyof typeof SECRET_OPTIONS>)
    .filter((name) => argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)))
    .map((name) => ({
      field: `--${name}`,
      message: `not accepted on the command line, where every user of this computer can read it (ps): set ${envName(name)} instead, or save it in settings.json (the admin screen)`
    }))
  if (problems.length > 0) throw new SettingsError(problems)
}

/** Numbers stay text until the schema sees them, so a typo is reported against its field. */
function toNumber(field: string, text: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n))
    throw new SettingsError([{ field, message: `"${text}" is not a number` }])
  return n
}

function patchFrom(values: Partial<Record<FlagName, string>>): SettingsPatch {
  const patch: SettingsPatch = {}
  const v = values
  if (v.upstream !== undefined) patch.upstream = v.upstream === 'embedded' ? null : v.upstream
  if (v.key !== undefined || v.auth !== undefined) {
    const kind = v.auth ?? 'token'
    patch.credential =
      kind === 'jwt'
        ? { kind, key: v.key, merchantId: v.merchant === undefined ? undefined : toNumber('merchant', v.merchant) }
        : { kind, key: v.key }
  }
  if (v.merchant !== undefined) patch.merchant = toNumber('merchant', v.merchant)
  if (v.store !== undefined) patch.store = toNumber('store', v.store)
  if (v['bridge-port'] !== undefined || v['bridge-token'] !== undefined) {
    patch.bridge = {
      ...(v['bridge-port'] !== undefined && { port: toNumber('bridge.port', v['bridge-port']) }),
      ...(v['bridge-token'] !== undefined && { token: v['bridge-token'] })
    }
  }
  if (v['capture-port'] !== undefined || v['capture-host'] !== undefined) {
    patch.capture = {
      ...(v['capture-port'] !== undefined && { port: toNumber('capture.port', v['capture-port']) }),
      ...(v['capture-host'] !== undefined && { host: v['capture-host'] })
    }
  }
  if (v['ui-port'] !== undefined) patch.ui = { port: toNumber('ui.port', v['ui-port']) }
  if (v.printer !== undefined) patch.printer = v.printer
  if (v.scanner !== undefined) patch.scanner = v.scanner
  if (v.mode !== undefined) patch.kiosk = { mode: v.mode }
  if (v.language !== undefined) patch.language = v.language
  if (v['metrics-listen'] !== undefined || v['metrics-token'] !== undefined)
    patch.metrics = {
      ...(v['metrics-listen'] !== undefined && { listen: v['metrics-listen'] === 'off' ? null : v['metrics-listen'] }),
      ...(v['metrics-token'] !== undefined && { token: v['metrics-token'] })
    }
  if (v['log-level'] !== undefined) patch.logLevel = v['log-level']
  return patch
}

/** Parses host flags; an unknown flag, or a secret on the command line, is refused with its name. */
export function readFlags(argv: string[]): HostArgs {
  refuseSecretFlags(argv)
  let values: Partial<Record<FlagName, string>>
  try {
    values = parseArgs({ args: argv, options: HOST_FLAGS, strict: true, allowPositionals: false }).values
  } catch (err) {
    throw new SettingsError([{ field: '(flags)', message: (err as Error).message }])
  }
  return { dataDir: values['data-dir'], patch: patchFrom(values) }
}

/** Reads the same settings from STAMPS_KIOSK_* variables. */
export function readEnv(env: NodeJS.ProcessEnv): HostArgs {
  const values: Partial<Record<FlagName, string>> = {}
  for (const flag of Object.keys(OPTIONS) as FlagName[]) {
    const value = env[envName(flag)]
    if (value !== undefined && value !== '') values[flag] = value
  }
  return { dataDir: values['data-dir'], patch: patchFrom(values) }
}
