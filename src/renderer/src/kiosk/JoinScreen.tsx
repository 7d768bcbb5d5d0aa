/** Joining by phone number with on-screen digits; the new member is greeted at once. */
import { useState } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { useT } from '../i18n'
import { useSessionStore } from '../stores/session-store'
import { DigitPad } from './DigitPad'

export function JoinScreen({ api, onBack }: { api: StampsKioskApi; onBack: () => void }): React.JSX.Element {
  const t = useT()
  const [phone, setPhone] = useState('')
  const [state, setState] = useState<'idle' | 'working' | 'used' | 'failed'>('idle')
  const join = async (): Promise<void> => {
    setState('working')
    const r = await api.invoke('rewards:join', { phone })
    if (r.ok) return useSessionStore.getState().joinedAs(r.data)
    setState(r.error.code === 'validation' || r.error.code === 'invalid-input' ? 'used' : 'failed')
  }
  return (
    <section className="attract" aria-labelledby="join-title">
      <h1 id="join-title" className="attract__title">
        {t('join.title')}
      </h1>
      <p className="join__number" aria-label={t('join.number')} data-testid="join-number">
        {phone || '–'}
      </p>
      <DigitPad value={phone} max={15} onChange={setPhone} />
      {state === 'used' && <p role="alert">{t('join.used')}</p>}
      {state === 'failed' && <p role="alert">{t('join.failed')}</p>}
      <div className="member__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={phone.length < 8 || state === 'working'}
          onClick={() => void join()}
        >
          {state === 'working' ? t('join.working') : t('join.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </section>
  )
}
