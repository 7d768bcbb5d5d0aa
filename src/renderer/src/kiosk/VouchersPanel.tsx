/** "My vouchers": the member's usable vouchers with their expiry, read when opened. */
import { useEffect, useState } from 'react'
import type { StampsKioskApi, VoucherView } from '../../../shared/ipc'
import { useT } from '../i18n'

/** Stamps writes `DD-MM-YYYY HH:MM` or an ISO time; the screen shows the day as written. */
function expiryDay(expiresOn: string): string {
  const dmy = /^(\d{2})-(\d{2})-(\d{4})/.exec(expiresOn)
  if (dmy) return `${dmy[1]}/${dmy[2]}/${dmy[3]}`
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(expiresOn)
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : expiresOn
}

export function VouchersPanel({ api, user }: { api: StampsKioskApi; user: string }): React.JSX.Element {
  const t = useT()
  const [vouchers, setVouchers] = useState<VoucherView[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    void api.invoke('rewards:vouchers', { user }).then((r) => {
      if (!live) return
      if (r.ok) setVouchers(r.data.vouchers)
      setFailed(!r.ok)
    })
    return () => void (live = false)
  }, [api, user])
  return (
    <section className="vouchers" aria-labelledby="vouchers-title">
      <h2 id="vouchers-title" className="activities__title">
        {t('vouchers.title')}
      </h2>
      {failed && <p className="activities__note">{t('vouchers.failed')}</p>}
      {vouchers?.length === 0 && <p className="activities__note">{t('vouchers.empty')}</p>}
      <ul className="rewards__list">
        {vouchers?.map((v) => (
          <li key={v.id} className="reward" data-voucher={v.code}>
            <span className="reward__name">{v.name}</span>
            <span className="reward__cost">{v.code}</span>
            <span className="reward__why">
              {v.expiresOn ? t('vouchers.expires', { date: expiryDay(v.expiresOn) }) : t('vouchers.noExpiry')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
