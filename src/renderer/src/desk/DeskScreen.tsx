/** Cashier mode: the member on the left, the task tabs on the right; scans look members up. */
import { useCallback, useEffect, useState } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { AdminPanel } from '../admin/AdminPanel'
import { useAdminStore } from '../stores/admin-store'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { useWedgeScan } from '../scan/use-wedge-scan'
import { useAuthStore } from '../stores/auth-store'
import { useDeskMemberStore } from '../stores/desk-member-store'
import { useQueueStore } from '../stores/queue-store'
import { resetDeskTasks } from '../stores/reset-desk'
import { useStatusStore } from '../stores/status-store'
import { BalancePanel } from './BalancePanel'
import { CancelPanel } from './CancelPanel'
import { HistoryPanel } from './HistoryPanel'
import { MemberPanel } from './MemberPanel'
import { PinGate } from './PinGate'
import { QueuePanel } from './QueuePanel'
import { SalePanel } from './SalePanel'
import { TodayPanel } from './TodayPanel'

const TABS = ['sale', 'balance', 'cancel', 'history', 'today', 'queue', 'admin'] as const
type Tab = (typeof TABS)[number]

export function DeskScreen({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const [tab, setTab] = useState<Tab>('sale')
  const member = useDeskMemberStore((s) => s.member)
  // Offline, a sale may go to an id Stamps has not confirmed yet (it is checked when the sale is posted).
  const unverified = useDeskMemberStore((s) => (s.phase === 'unverified' ? s.offlineId : null))
  const saleUser = member?.user ?? unverified
  const queue = useStatusStore((s) => s.status?.queue)

  const onLookup = useCallback(
    (text: string) => {
      const before = useDeskMemberStore.getState().member?.user
      void useDeskMemberStore
        .getState()
        .lookup(api, text)
        .then(() => {
          // A new member gets a fresh sale (new invoice); a repeat scan of the same one keeps the form.
          if (useDeskMemberStore.getState().member?.user !== before) resetDeskTasks()
        })
    },
    [api]
  )
  useEffect(() => useAuthStore.getState().follow(api), [api])
  useEffect(() => useQueueStore.getState().follow(api), [api])
  useEffect(() => api.on('scan:received', (scan) => onLookup(scan.text)), [api, onLookup])
  // While the admin's scanner test runs, a wedge scan is shown there instead of looked up.
  useWedgeScan((text) =>
    useAdminStore.getState().scannerTesting ? useAdminStore.getState().wedgeRead(text) : onLookup(text)
  )

  const label = (k: Tab): string =>
    k === 'queue' && queue && queue.pending + queue.failed > 0
      ? `${t('desk.tab.queue')} (${queue.pending + queue.failed})`
      : t(`desk.tab.${k}` as StringKey)
  const needMember = <p className="note">{t('desk.needMember')}</p>
  return (
    <div className="desk">
      <h1 className="visually-hidden">{t('desk.title')}</h1>
      <MemberPanel api={api} onLookup={onLookup} />
      <div className="desk__work">
        <nav className="tabs" aria-label={t('desk.tabs')}>
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              className="button tabs__tab"
              aria-current={tab === k ? 'page' : undefined}
              onClick={() => setTab(k)}
              data-tab={k}
            >
              {label(k)}
            </button>
          ))}
        </nav>
        <div className="panel desk__panel">
          {tab === 'sale' && <SalePanel api={api} user={saleUser} />}
          {tab === 'balance' &&
            (unverified || member?.asOf != null ? (
              <p className="note note--warn" data-testid="balance-online-only">
                {t('offline.balanceOnline')}
              </p>
            ) : member ? (
              <PinGate api={api} role="cashier">
                <BalancePanel api={api} member={member} />
              </PinGate>
            ) : (
              needMember
            ))}
          {tab === 'cancel' &&
            (member ? (
              <PinGate api={api} role="cashier">
                <CancelPanel api={api} member={member} />
              </PinGate>
            ) : (
              needMember
            ))}
          {tab === 'history' && (member ? <HistoryPanel api={api} user={member.user} /> : needMember)}
          {tab === 'today' && (
            <PinGate api={api} role="cashier">
              <TodayPanel api={api} />
            </PinGate>
          )}
          {tab === 'queue' && <QueuePanel api={api} />}
          {tab === 'admin' && (
            <PinGate api={api} role="admin">
              <AdminPanel api={api} />
            </PinGate>
          )}
        </div>
      </div>
    </div>
  )
}
