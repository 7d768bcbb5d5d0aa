/** One visitor's membership: masked name, level, stamps, balance, rewards, vouchers, slip printing and history. */
import { useEffect, useRef, useState } from 'react'
import type { MemberView, StampsKioskApi } from '../../../shared/ipc'
import { formatActivityDate, formatCount, formatRupiah } from '../format/format'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useSessionStore } from '../stores/session-store'
import { ActivityList } from './ActivityList'
import { RewardsPanel } from './RewardsPanel'
import { VouchersPanel } from './VouchersPanel'

export function MemberScreen({
  api,
  member,
  onDone
}: {
  api: StampsKioskApi
  member: MemberView
  onDone: () => void
}): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const { activities, hasMore, activitiesState, printState, scanAt, joined, loadOlder, printSlip } = useSessionStore()
  const [showVouchers, setShowVouchers] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    heading.current?.focus()
    // Budget probe: scan to member on screen, read by `npm run bench:ui`.
    if (scanAt !== null)
      requestAnimationFrame(() => performance.measure('scan-to-member', { start: scanAt, end: performance.now() }))
  }, [member.user, scanAt])

  return (
    <div className="member">
      <section className="member__summary" aria-labelledby="member-title">
        <h1 id="member-title" ref={heading} tabIndex={-1} className="member__name">
          {t('member.greeting', { name: member.name || t('join.noName') })}
        </h1>
        {joined && (
          <p className="member__card" role="status" data-testid="member-joined">
            {t('join.welcome')}
          </p>
        )}
        {member.cardLast4 && <p className="member__card">{t('member.card', { last4: member.cardLast4 })}</p>}
        {member.asOf != null && (
          <p className="member__card" data-testid="member-as-of">
            {t('offline.asOf', { time: formatActivityDate(member.asOf / 1000, lang) })}
          </p>
        )}
        {member.isBlocked && (
          <p className="member__blocked" role="alert">
            {t('member.blocked')}
          </p>
        )}
        <dl className="member__tiles">
          <div className="tile">
            <dt>{t('member.level')}</dt>
            <dd data-testid="member-level">{member.levelText}</dd>
          </div>
          <div className="tile tile--accent">
            <dt>{t('member.stamps')}</dt>
            <dd data-testid="member-stamps">{formatCount(member.stamps, lang)}</dd>
          </div>
          <div className="tile">
            <dt>{t('member.balance')}</dt>
            <dd data-testid="member-balance">{formatRupiah(member.balance)}</dd>
          </div>
        </dl>
        <div className="member__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void printSlip(api)}
            disabled={printState === 'printing'}
          >
            {printState === 'printing' ? t('print.printing') : t('print.button')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-pressed={showVouchers}
            onClick={() => setShowVouchers((v) => !v)}
          >
            {t('vouchers.button')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('member.done')}
          </button>
        </div>
        <p className="member__print-status" role="status">
          {printState === 'done' ? t('print.done') : printState === 'failed' ? t('print.failed') : ''}
        </p>
      </section>
      {showVouchers ? <VouchersPanel api={api} user={member.user} /> : <RewardsPanel api={api} user={member.user} />}
      <ActivityList
        activities={activities}
        hasMore={hasMore}
        state={activitiesState}
        onLoadOlder={() => void loadOlder(api)}
      />
    </div>
  )
}
