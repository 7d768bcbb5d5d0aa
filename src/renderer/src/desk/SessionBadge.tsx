/** Header badge in cashier mode: who is unlocked, and a one-tap lock for stepping away. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { useT } from '../i18n'
import { useAuthStore } from '../stores/auth-store'

export function SessionBadge({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const role = useAuthStore((s) => s.auth?.role ?? null)
  if (!role) return <span className="session-badge">{t('session.locked')}</span>
  return (
    <span className="session-badge">
      <span>{t(role === 'admin' ? 'session.admin' : 'session.cashier')}</span>
      <button type="button" className="button button--quiet" onClick={() => void useAuthStore.getState().lock(api)}>
        {t('session.lock')}
      </button>
    </span>
  )
}
