/**
 * The calm screen shown while the app restarts after a screen failed to render: no error text,
 * nothing to press, just "one moment" in the visitor's language. It reads only the language
 * store and the catalogue, so it cannot fail the way the app just did.
 */
import { useT } from '../i18n'

export function RestartingScreen(): React.JSX.Element {
  const t = useT()
  return (
    <main className="restarting">
      <div className="restarting__panel" role="status" aria-live="polite">
        <p className="restarting__brand">{t('app.title')}</p>
        <h1 className="restarting__title">{t('restart.title')}</h1>
        <p className="restarting__body">{t('restart.body')}</p>
      </div>
    </main>
  )
}
