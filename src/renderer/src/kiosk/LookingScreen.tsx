/** The wait after a scan: a spinner line at once; past one second, what is happening and a way out. */
import { useState } from 'react'
import { SLOW_WAIT_MS } from '../common/SlowWait'
import { useUntil } from '../common/use-until'
import { useT } from '../i18n'

export function LookingScreen({ onCancel }: { onCancel: () => void }): React.JSX.Element {
  const t = useT()
  const [since] = useState(Date.now)
  const quick = useUntil(since + SLOW_WAIT_MS)
  return (
    <section className="looking" role="status" aria-live="polite">
      <p className="looking__title">{t('lookup.loading')}</p>
      {!quick && (
        <>
          <p className="looking__detail">{t('lookup.slow')}</p>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </>
      )}
    </section>
  )
}
