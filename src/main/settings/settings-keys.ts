/**
 * Keys that reach an object's prototype when assigned (`__proto__`, `constructor`, `prototype`).
 * JSON.parse makes `{"__proto__": {...}}` an ordinary own key; merged into settings it would
 * become their prototype, and zod reads inherited values as if they were set. Refused by name.
 */
import { SettingsError } from './settings-schema'

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Throws a SettingsError naming every prototype key anywhere in `value`; `where` says where it came from. */
export function refusePrototypeKeys(value: unknown, where: string): void {
  const problems: Array<{ field: string; message: string }> = []
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v !== 'object' || v === null) return
    for (const key of Object.keys(v)) {
      const field = [...path, key]
      if (PROTOTYPE_KEYS.has(key))
        problems.push({ field: field.join('.'), message: `not a setting (a prototype key, refused in ${where})` })
      else walk((v as Record<string, unknown>)[key], field)
    }
  }
  walk(value, [])
  if (problems.length > 0) throw new SettingsError(problems)
}
