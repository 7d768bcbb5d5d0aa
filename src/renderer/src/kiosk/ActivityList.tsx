/** The member's history, newest first, 20 at a time with "load older". */
import type { Activity } from '../../../shared/stamps/activities'
import { describeActivity } from '../format/activity'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'

interface Props {
  activities: Activity[]
  hasMore: boolean
  state: 'idle' | 'loading' | 'failed'
  onLoadOlder: () => void
}

export function ActivityList({ activities, hasMore, state, onLoadOlder }: Props): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const entries = activities.map((a) => describeActivity(a, t, lang))
  return (
    <section className="activities" aria-labelledby="activities-title">
      <h2 id="activities-title" className="activities__title">
        {t('activities.title')}
      </h2>
      {/* Scrolls on its own so the member summary stays put; focusable for keyboard scrolling. */}
      <div className="activities__scroll" tabIndex={0} aria-labelledby="activities-title">
        {entries.length === 0 && state === 'idle' && <p className="activities__note">{t('activities.empty')}</p>}
        <ol className="activities__list">
          {entries.map((e) => (
            <li key={e.id} className="activity" data-activity-id={e.id}>
              <div className="activity__main">
                <span className="activity__title">{e.title}</span>
                {e.canceled && <span className="activity__badge">{t('activity.canceled')}</span>}
                {e.place && <span className="activity__place">{e.place}</span>}
                {e.date && <span className="activity__date">{e.date}</span>}
              </div>
              <div className="activity__figures">
                {e.stamps && <span className="activity__stamps">{e.stamps}</span>}
                {e.amount && <span className="activity__amount">{e.amount}</span>}
              </div>
            </li>
          ))}
        </ol>
        {state === 'failed' && (
          <p className="activities__note" role="alert">
            {t('activities.failed')}
          </p>
        )}
        {(hasMore || state === 'failed') && (
          <button
            type="button"
            className="button button--secondary activities__more"
            onClick={onLoadOlder}
            disabled={state === 'loading'}
          >
            {state === 'loading' ? t('activities.loading') : t('activities.loadOlder')}
          </button>
        )}
        {!hasMore && state === 'idle' && entries.length > 0 && (
          <p className="activities__note">{t('activities.end')}</p>
        )}
        {state === 'loading' && entries.length === 0 && (
          <p className="activities__note" role="status">
            {t('activities.loading')}
          </p>
        )}
      </div>
    </section>
  )
}
