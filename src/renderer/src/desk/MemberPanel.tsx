/** The till's member: lookup by scan or typed card number, email or mobile, and the summary. */
import { useState } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { memberIdReason } from '../../../shared/member-id'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { SlowWait } from '../common/SlowWait'
import { formatActivityDate, formatCount, formatRupiah } from '../format/format'
import { useT } from '../i18n'
import { useDeskMemberStore } from '../stores/desk-member-store'
import { useLanguageStore } from '../stores/language-store'

export function MemberPanel({
  api,
  onLookup
}: {
  api: StampsKioskApi
  onLookup: (text: string) => void
}): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const { phase, member, offlineId, invalidCode, error, clear, sellUnverified } = useDeskMemberStore()
  const [text, setText] = useState('')
  return (
    <section className="panel member-panel" aria-labelledby="member-panel-title">
      <h2 id="member-panel-title" className="panel__title">
        {t('desk.member.title')}
      </h2>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) onLookup(text)
        }}
      >
        <Field label={t('desk.member.query')} value={text} onChange={setText} maxLength={512} name="member-query" />
        <button type="submit" className="button button--primary">
          {t('desk.member.find')}
        </button>
      </form>
      <div className="member-panel__result" aria-live="polite">
        {phase === 'looking' && <SlowWait text={t('desk.member.looking')} onCancel={clear} />}
        {phase === 'gave-up' && (
          <p className="note note--warn" role="alert">
            {t('desk.member.gaveUp')}
          </p>
        )}
        {phase === 'not-found' && (
          <p className="note note--bad" role="alert">
            {t('desk.member.notFound')}
          </p>
        )}
        {phase === 'invalid' && (
          <p className="note note--bad" role="alert">
            {invalidCode ? t(memberIdReason(invalidCode)) : (error?.message ?? t('error.generic'))}
          </p>
        )}
        {phase === 'error' && <ErrorNote error={error} />}
        {(phase === 'error' || phase === 'gave-up') && offlineId && (
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={sellUnverified}>
              {t('offline.sellAnyway', { user: offlineId })}
            </button>
          </div>
        )}
        {phase === 'unverified' && offlineId && (
          <div className="member-card" data-testid="desk-unverified">
            <p className="member-card__name">{offlineId}</p>
            <p className="note note--warn">{t('offline.unverified')}</p>
            <p className="member-card__line">{t('offline.unverifiedBody', { user: offlineId })}</p>
            <div className="button-row">
              <button type="button" className="button button--secondary" onClick={clear}>
                {t('desk.member.clear')}
              </button>
            </div>
          </div>
        )}
        {member && (
          <div className="member-card" data-testid="desk-member">
            <p className="member-card__name">{member.name}</p>
            {member.cardLast4 && <p className="member-card__line">{t('member.card', { last4: member.cardLast4 })}</p>}
            <p className="member-card__line">{member.user}</p>
            {member.asOf != null && (
              <p className="note note--warn" data-testid="desk-member-as-of">
                {t('offline.asOf', { time: formatActivityDate(member.asOf / 1000, lang) })}
              </p>
            )}
            {member.isBlocked && <p className="note note--bad">{t('member.blocked')}</p>}
            <dl className="member-card__figures">
              <div>
                <dt>{t('member.level')}</dt>
                <dd>{member.levelText}</dd>
              </div>
              <div>
                <dt>{t('member.stamps')}</dt>
                <dd data-testid="desk-member-stamps">{formatCount(member.stamps, lang)}</dd>
              </div>
              <div>
                <dt>{t('member.balance')}</dt>
                <dd data-testid="desk-member-balance">{formatRupiah(member.balance)}</dd>
              </div>
            </dl>
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void useDeskMemberStore.getState().refresh(api)}
              >
                {t('desk.member.refresh')}
              </button>
              <button type="button" className="button button--secondary" onClick={clear}>
                {t('desk.member.clear')}
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
