/** The renderer's translate hook: the shared catalogue in the language of the language store. */
import { useCallback } from 'react'
import { translate, type StringKey, type Vars } from '../../../shared/i18n'
import { useLanguageStore } from '../stores/language-store'

/** Translate bound to the current language. */
export type Translate = (key: StringKey, vars?: Vars) => string

/** The translate function for the current language (re-renders on a switch). */
export function useT(): Translate {
  const lang = useLanguageStore((s) => s.language)
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang])
}
