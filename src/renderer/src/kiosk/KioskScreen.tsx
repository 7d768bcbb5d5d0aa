/** Kiosk mode: attract screen, scan to member, notices; HID scans from main and wedge scans here. */
import { useCallback, useEffect } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { memberIdReason } from '../../../shared/member-id'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useSessionStore } from '../stores/session-store'
import { useStatusStore } from '../stores/status-store'
import { AttractScreen } from './AttractScreen'
import { JoinScreen } from './JoinScreen'
import { LookingScreen } from './LookingScreen'
import { MemberScreen } from './MemberScreen'
import { NoticeScreen } from './NoticeScreen'
import { useIdleReset } from './use-idle-reset'
import { useWedgeScan } from '../scan/use-wedge-scan'

/** A notice need not wait for the full idle timeout before inviting the next visitor. */
const NOTICE_SECONDS = 10

export function KioskScreen({ api }: { api: StampsKioskApi }): React.JSX.Element {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const defaultLang = useLanguageStore((s) => s.defaultLanguage)
  const idleSeconds = useStatusStore((s) => s.status?.idleTimeoutSeconds ?? 60)
  const session = useSessionStore()

  const onScan = useCallback((text: string) => void useSessionStore.getState().lookup(api, text), [api])
  const endSession = useCallback(() => {
    useSessionStore.getState().reset()
    useLanguageStore.getState().resetToDefault()
  }, [])

  useEffect(() => {
    const offScan = api.on('scan:received', (scan) => onScan(scan.text))
    const offReset = api.on('session:reset', endSession)
    return () => {
      offScan()
      offReset()
    }
  }, [api, onScan, endSession])
  useWedgeScan(onScan)

  const notice = ['not-found', 'invalid', 'error', 'gave-up'].includes(session.phase)
  useIdleReset(
    session.phase !== 'attract' || lang !== defaultLang,
    notice ? Math.min(idleSeconds, NOTICE_SECONDS) : idleSeconds,
    endSession
  )

  const startJoin = useCallback(() => useSessionStore.getState().startJoin(), [])
  switch (session.phase) {
    case 'joining':
      return <JoinScreen api={api} onBack={endSession} />
    case 'looking':
      return <LookingScreen onCancel={endSession} />
    case 'member':
      return session.member ? (
        <MemberScreen api={api} member={session.member} onDone={endSession} />
      ) : (
        <AttractScreen onSubmit={onScan} onJoin={startJoin} />
      )
    case 'not-found':
      return <NoticeScreen title={t('notFound.title')} body={t('notFound.body')} onBack={endSession} />
    case 'invalid':
      return (
        <NoticeScreen
          title={t('invalid.title')}
          body={session.invalidCode ? t(memberIdReason(session.invalidCode)) : t('error.generic')}
          onBack={endSession}
        />
      )
    case 'error':
      return (
        <NoticeScreen
          title={t('error.title')}
          body={session.errorCode === 'unreachable' ? t('error.unreachable') : t('error.generic')}
          onBack={endSession}
        />
      )
    case 'gave-up':
      return <NoticeScreen title={t('gaveUp.title')} body={t('gaveUp.body')} onBack={endSession} />
    default:
      return <AttractScreen onSubmit={onScan} onJoin={startJoin} />
  }
}
