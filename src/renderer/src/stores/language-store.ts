/** Language slice: the kiosk's default (from settings, via status) and the visitor's choice. */
import { create } from 'zustand'
import type { Language } from '../../../shared/i18n'

interface LanguageState {
  language: Language
  /** What the kiosk returns to after a session ends. */
  defaultLanguage: Language
  setDefault(language: Language): void
  toggle(): void
  /** A new visitor starts in the kiosk's language, whatever the last one picked. */
  resetToDefault(): void
}

const initial = { language: 'id' as Language, defaultLanguage: 'id' as Language }

export const useLanguageStore = create<LanguageState>()((set, get) => ({
  ...initial,
  setDefault: (language) => set((s) => (s.defaultLanguage === language ? s : { defaultLanguage: language, language })),
  toggle: () => set({ language: get().language === 'id' ? 'en' : 'id' }),
  resetToDefault: () => set({ language: get().defaultLanguage })
}))

/** Test hook: back to the state of a fresh page. */
export const resetLanguageStore = (): void => useLanguageStore.setState(initial)
