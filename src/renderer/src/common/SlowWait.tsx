/** A wait in progress: its text at once; past one second, that it is still waiting and a cancel button. */
import { useState } from 'react'
import { useT } from '../i18n'
import { useUntil } from './use-until'

/** Waits shorter than this need no explanation; longer ones say so and offer a way out. */
export const SLOW_WAIT_MS = 1_000

export function SlowWait({ text, onCancel }: { text: string; onCancel: () => void }): React.JSX.Element {
  const t = useT()
  const [since] = useState(Date.now)
  const quick = useUntil(since + SLOW_WAIT_MS)
  return (
    <div role="status" className="slow-wait">
      <p>{text}</p>
      {!quick && (
        <>
          <p className="slow-wait__detail">{t('wait.slow')}</p>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </>
      )}
    </div>
  )
}
