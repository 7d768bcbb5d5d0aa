/** Translation: one typed key set, `{name}` placeholders, the language from its store. */
import { useCallback } from 'react'
import { useLanguageStore, type Language } from '../stores/language-store'
import { en } from './en'
import { id, type StringKey } from './id'

export type { StringKey }
export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string

const tables: Record<Language, Record<StringKey, string>> = { id, en }

/** Translates outside React (pure, for tests and formatters). */
export function translate(lang: Language, key: StringKey, vars?: Record<string, string | number>): string {
  const text = tables[lang][key]
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text
}

/** The translate function for the current language (re-renders on a switch). */
export function useT(): Translate {
  const lang = useLanguageStore((s) => s.language)
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang])
}
