/**
 * Redeeming one reward: confirm, the member PIN when the merchant asks for it, then the result.
 * One requestId per dialog, so a double tap or a retried call never redeems twice.
 */
import { useRef, useState } from 'react'
import type { RedeemOutcome, RewardView, StampsKioskApi } from '../../../shared/ipc'
import { formatCount } from '../format/format'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useSessionStore } from '../stores/session-store'
import { DigitPad } from './DigitPad'

type Step = 'confirm' | 'pin' | 'working' | 'done'

export function RedeemDialog({
  api,
  user,
  reward,
  onClose
}: {
  api: StampsKioskApi
  user: string
  reward: RewardView
  onClose: () => void
}): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const requestId = useRef(crypto.randomUUID())
  const [step, setStep] = useState<Step>('confirm')
  const [pin, setPin] = useState('')
  const [askPin, setAskPin] = useState(false)
  const [outcome, setOutcome] = useState<RedeemOutcome | null>(null)

  const redeem = async (withPin?: string): Promise<void> => {
    setStep('working')
    const r = await api.invoke('rewards:redeem', {
      requestId: requestId.current,
      user,
      rewardId: reward.id,
      ...(withPin && { pin: withPin })
    })
    const out: RedeemOutcome = r.ok ? r.data : { outcome: 'refused', reason: 'other', message: r.error.message }
    if (out.outcome === 'refused' && (out.reason === 'pin-required' || out.reason === 'invalid-pin')) {
      // A certain refusal spent nothing: ask for the PIN and confirm again under a fresh id.
      requestId.current = crypto.randomUUID()
      setAskPin(true)
      setPin('')
      setOutcome(out)
      return setStep('pin')
    }
    if (out.outcome === 'redeemed' && out.stamps !== null) useSessionStore.getState().setStamps(out.stamps)
    setOutcome(out)
    setStep('done')
  }

  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="redeem-title">
      <div className="dialog__box">
        {step === 'confirm' && (
          <>
            <h2 id="redeem-title">{t('rewards.confirm.title', { name: reward.name })}</h2>
            <p>{t('rewards.confirm.body', { n: formatCount(reward.stamps, lang) })}</p>
            <div className="member__actions">
              <button type="button" className="button button--primary" onClick={() => void redeem()}>
                {t('rewards.confirm.yes')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('rewards.confirm.no')}
              </button>
            </div>
          </>
        )}
        {step === 'pin' && askPin && (
          <>
            <h2 id="redeem-title">{t('rewards.pin.title')}</h2>
            {outcome?.outcome === 'refused' && <p role="alert">{t(`rewards.refused.${outcome.reason}`)}</p>}
            <p aria-live="polite">{t('rewards.pin.entered', { n: pin.length })}</p>
            <DigitPad value={pin} max={6} onChange={setPin} />
            <div className="member__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={pin.length !== 6}
                onClick={() => void redeem(pin)}
              >
                {t('rewards.confirm.yes')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('rewards.confirm.no')}
              </button>
            </div>
          </>
        )}
        {step === 'working' && (
          <p id="redeem-title" role="status">
            {t('rewards.redeeming')}
          </p>
        )}
        {step === 'done' && outcome && (
          <>
            {outcome.outcome === 'redeemed' && (
              <>
                <h2 id="redeem-title">{t('rewards.done.title', { name: outcome.rewardName })}</h2>
                <p>{t('rewards.done.body', { code: outcome.code })}</p>
                {outcome.stamps !== null && (
                  <p data-testid="redeem-stamps">
                    {t('rewards.done.stamps', { n: formatCount(outcome.stamps, lang) })}
                  </p>
                )}
              </>
            )}
            {outcome.outcome === 'refused' && (
              <p id="redeem-title" role="alert">
                {t(`rewards.refused.${outcome.reason}`)}
              </p>
            )}
            {outcome.outcome === 'unknown' && (
              <p id="redeem-title" role="alert">
                {t('rewards.unknown')}
              </p>
            )}
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('rewards.done.ok')}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
