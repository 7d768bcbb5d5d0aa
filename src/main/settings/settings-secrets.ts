/** Which settings are secrets, sealed in settings.json and opened when it is read (see secret-box.ts). */
import { isSealed, type SecretSealer } from './secret-box'
import type { SettingsPatch } from './settings-sources'

/** The merchant's key, the bridge token and the metrics scrape token; PIN hashes are already one-way. */
const SECRET_FIELDS = [
  ['credential', 'key'],
  ['bridge', 'token'],
  ['metrics', 'token']
] as const

function mapSecrets(patch: SettingsPatch, change: (value: string, field: string) => string): SettingsPatch {
  let out = patch
  for (const [group, key] of SECRET_FIELDS) {
    const holder = patch[group]
    if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) continue
    const value = (holder as Record<string, unknown>)[key]
    // Anything but a string is left for the schema, which names the field.
    if (typeof value !== 'string') continue
    out = { ...out, [group]: { ...holder, [key]: change(value, `${group}.${key}`) } }
  }
  return out
}

/** The patch with every sealed secret opened; plaintext from an older version passes through. */
export const openSecrets = (patch: SettingsPatch, sealer: SecretSealer): SettingsPatch =>
  mapSecrets(patch, (value, field) => (isSealed(value) ? sealer.open(value, field) : value))

/** The patch as it is written: every secret sealed (so a plaintext file is upgraded on its next write). */
export const sealSecrets = (patch: SettingsPatch, sealer: SecretSealer): SettingsPatch =>
  mapSecrets(patch, (value, field) => (isSealed(value) ? value : sealer.seal(value, field)))
