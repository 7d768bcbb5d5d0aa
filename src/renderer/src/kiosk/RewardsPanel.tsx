/** The member's rewards at this store: progress toward each, locked ones greyed with why, redeem by touch. */
import { useCallback, useEffect, useState } from 'react'
import type { RewardList, RewardView, StampsKioskApi } from '../../../shared/ipc'
import { formatCount } from '../format/format'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useSessionStore } from '../stores/session-store'
import { RedeemDialog } from './RedeemDialog'

export function RewardsPanel({ api, user }: { api: StampsKioskApi; user: string }): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const [list, setList] = useState<RewardList | null>(null)
  const [failed, setFailed] = useState(false)
  const [chosen, setChosen] = useState<RewardView | null>(null)

  const load = useCallback(async () => {
    const r = await api.invoke('rewards:list', { user })
    if (r.ok) setList(r.data)
    setFailed(!r.ok)
  }, [api, user])

  useEffect(() => {
    let live = true
    void api.invoke('rewards:list', { user }).then((r) => {
      if (!live) return
      if (r.ok) setList(r.data)
      setFailed(!r.ok)
    })
    return () => void (live = false)
  }, [api, user])

  useEffect(() => {
    // Budget probe: scan to rewards list on screen, read by `npm run bench:ui`.
    const scanAt = useSessionStore.getState().scanAt
    if (list && scanAt !== null)
      requestAnimationFrame(() => performance.measure('scan-to-rewards', { start: scanAt, end: performance.now() }))
  }, [list])

  return (
    <section className="rewards" aria-labelledby="rewards-title">
      <h2 id="rewards-title" className="activities__title">
        {t('rewards.title')}
      </h2>
      {!list && !failed && <p className="activities__note">{t('rewards.loading')}</p>}
      {failed && <p className="activities__note">{t('rewards.failed')}</p>}
      {list && (
        <ul className="rewards__list">
          {list.rewards.map((r) => {
            const why =
              r.lockedBy === 'level'
                ? t('rewards.locked.level', { level: r.level ?? '' })
                : r.lockedBy === 'store'
                  ? t('rewards.locked.store')
                  : r.lockedBy === 'stamps'
                    ? t('rewards.more', { n: formatCount(r.stampsShort, lang) })
                    : t('rewards.ready')
            const progress = Math.min(100, Math.round(((r.stamps - r.stampsShort) / Math.max(1, r.stamps)) * 100))
            return (
              <li key={r.id}>
                <button
                  type="button"
                  className={`reward${r.lockedBy ? ' reward--locked' : ''}`}
                  data-reward={r.code ?? r.id}
                  aria-disabled={r.lockedBy !== null}
                  onClick={() => r.lockedBy === null && setChosen(r)}
                >
                  <span className="reward__name">{r.name}</span>
                  <span className="reward__cost">{t('rewards.cost', { n: formatCount(r.stamps, lang) })}</span>
                  <span className="reward__bar" aria-hidden="true">
                    <span style={{ width: `${r.lockedBy === 'stamps' || r.lockedBy === null ? progress : 0}%` }} />
                  </span>
                  <span className="reward__why" data-testid="reward-why">
                    {why}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {chosen && (
        <RedeemDialog
          api={api}
          user={user}
          reward={chosen}
          onClose={() => {
            setChosen(null)
            void load()
          }}
        />
      )}
    </section>
  )
}
