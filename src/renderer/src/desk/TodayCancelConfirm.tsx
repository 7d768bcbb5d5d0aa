/** The confirm step of a cancel started from today's sales: what Stamps will take back, then yes or keep. */
import { useEffect, useRef } from 'react'
import type { StampsKioskApi } from '../../../shared/ipc'
import { formatCount, formatRupiah } from '../format/format'
import { useT } from '../i18n'
import { useLanguageStore } from '../stores/language-store'
import { useTodayStore } from '../stores/today-store'

export function TodayCancelConfirm({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const lang = useLanguageStore((s) => s.language)
  const { confirming, busy, confirmCancel, keep } = useTodayStore()
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' })
  }, [])
  if (!confirming) return null
  const { sale, preview } = confirming
  const stamps = preview.stampsToTakeBack ?? sale.stamps
  return (
    <div className="confirm" role="group" aria-labelledby="today-confirm-title" data-testid="today-confirm" ref={box}>
      <h3 id="today-confirm-title">{t('today.cancelTitle', { invoice: sale.invoiceNumber })}</h3>
      <p>
        {t('today.cancelBody', {
          member: preview.memberName ?? sale.user,
          total: formatRupiah(sale.total),
          stamps: stamps === null ? '—' : formatCount(stamps, lang)
        })}
      </p>
      {preview.enoughStamps === false && <p className="note note--warn">{t('cancel.notEnough')}</p>}
      {preview.alreadyCanceled && <p className="note note--warn">{t('cancel.already')}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirmCancel(api)}
          disabled={busy || preview.alreadyCanceled}
        >
          {t('today.cancelConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={keep}>
          {t('today.cancelKeep')}
        </button>
      </div>
    </div>
  )
}
