/** The member's activities with the merchant group filter, 20 at a time. */
import { useEffect } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { Field } from '../common/Field'
import { useT } from '../i18n'
import { ActivityList } from '../kiosk/ActivityList'
import { useHistoryStore } from '../stores/history-store'

export function HistoryPanel({ api, user }: { api: StampsKioskApi; user: string }): React.JSX.Element {
  const t = useT()
  const s = useHistoryStore()
  useEffect(() => void useHistoryStore.getState().load(api, user), [api, user])
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title" className="panel__title">
        {t('history.title')}
      </h2>
      <form className="history__filter" noValidate onSubmit={(e) => (e.preventDefault(), void s.load(api, user))}>
        <div className="segmented" role="group" aria-label={t('history.scope')}>
          {(['merchant', 'group'] as const).map((scope) => (
            <button
              key={scope}
              type="button"
              className="button segmented__option"
              aria-pressed={s.scope === scope}
              onClick={() => s.setScope(scope)}
            >
              {t(scope === 'merchant' ? 'history.scope.merchant' : 'history.scope.group')}
            </button>
          ))}
        </div>
        {s.scope === 'group' && (
          <Field
            label={t('history.merchantIds')}
            hint={t('history.merchantIdsHint')}
            value={s.merchantIds}
            onChange={s.setMerchantIds}
            inputMode="numeric"
            name="merchant-ids"
            error={s.idsError ? t('history.badIds') : null}
          />
        )}
        <button type="submit" className="button button--primary">
          {t('history.apply')}
        </button>
      </form>
      <ActivityList
        activities={s.activities}
        hasMore={s.hasMore}
        state={s.state}
        onLoadOlder={() => void s.loadOlder(api)}
      />
    </section>
  )
}
