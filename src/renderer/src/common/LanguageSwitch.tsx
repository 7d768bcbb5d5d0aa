/** Switches between Bahasa Indonesia and English; the visible text names the target language. */
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'

export function LanguageSwitch(): React.JSX.Element {
  const t = useT()
  const language = useLanguageStore((s) => s.language)
  const toggle = useLanguageStore((s) => s.toggle)
  return (
    <button type="button" className="button button--quiet" aria-label={t('language.switch')} onClick={toggle}>
      <span lang={language === 'id' ? 'en' : 'id'}>{t('language.switchShort')}</span>
    </button>
  )
}
