/**
 * The one catalogue of text a person reads, per language: screens, receipts and member-id reasons.
 * Bahasa Indonesia (`id`) is the reference: the key type comes from it, and every other language
 * must have exactly its keys (each part `satisfies` its Indonesian twin, so a missing or extra key
 * fails the typecheck). Errors and reasons travel as codes; the side that shows them translates here.
 */
import { en } from './en'
import { id } from './id'

export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export type StringKey = keyof typeof id
/** Values for `{name}` placeholders. */
export type Vars = Record<string, string | number>

export const catalogues: Record<Language, Record<StringKey, string>> = { id, en }

/** The text of `key` in `lang`, with `{name}` placeholders filled from `vars` (unknown ones stay as written). */
export function translate(lang: Language, key: StringKey, vars?: Vars): string {
  const text = catalogues[lang][key]
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text
}
