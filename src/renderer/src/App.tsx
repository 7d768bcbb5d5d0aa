/** The shell: header with the language switch, the kiosk screen or the cashier desk, and the status bar. */
import { useEffect } from 'react'
import { getApi } from './api/get-api'
import { LanguageSwitch } from './common/LanguageSwitch'
import { DeskScreen } from './desk/DeskScreen'
import { SessionBadge } from './desk/SessionBadge'
import { useT } from './i18n'
import { KioskScreen } from './kiosk/KioskScreen'
import { useLanguageStore } from './stores/language-store'
import { useStatusStore } from './stores/status-store'
import { StatusBar } from './status/StatusBar'

export function App(): React.JSX.Element {
  const api = getApi()
  const t = useT()
  const language = useLanguageStore((s) => s.language)
  const settingsLanguage = useStatusStore((s) => s.status?.language)
  const ready = useStatusStore((s) => s.status !== null)
  const cashier = useStatusStore((s) => s.status?.mode === 'cashier')

  useEffect(() => useStatusStore.getState().follow(api), [api])
  useEffect(() => {
    if (settingsLanguage) useLanguageStore.getState().setDefault(settingsLanguage)
  }, [settingsLanguage])
  useEffect(() => {
    document.documentElement.lang = language
    document.title = t('app.title')
  }, [language, t])
  useEffect(() => {
    // Budget probe: the first screen is interactive once the status (and so the language) is in.
    if (ready && performance.getEntriesByName('kiosk-interactive').length === 0) {
      requestAnimationFrame(() => performance.mark('kiosk-interactive'))
    }
  }, [ready])

  return (
    <div className="shell" data-ready={ready ? 'true' : 'false'}>
      <header className="header">
        <span className="header__brand">{t('app.title')}</span>
        <div className="header__tools">
          {cashier && <SessionBadge api={api} />}
          <LanguageSwitch />
        </div>
      </header>
      <main className="content">{!ready ? null : cashier ? <DeskScreen api={api} /> : <KioskScreen api={api} />}</main>
      <StatusBar />
    </div>
  )
}
