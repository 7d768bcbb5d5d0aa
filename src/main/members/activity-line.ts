/** One printed line per activity for the member slip: date, what happened, and by how much. */
import { formatRupiah } from '../../shared/money'
import { formatJakarta } from '../../shared/receipt'
import type { Activity } from '../../shared/stamps'

const NAMES: Record<number, { en: string; id: string }> = {
  0: { en: 'Purchase', id: 'Belanja' },
  1: { en: 'Redemption', id: 'Penukaran' },
  2: { en: 'Stamps awarded', id: 'Bonus stamp' },
  5: { en: 'Upgrade', id: 'Naik level' },
  6: { en: 'Downgrade', id: 'Turun level' },
  7: { en: 'Balance', id: 'Saldo' },
  9: { en: 'Registered', id: 'Registrasi' },
  10: { en: 'Stamps deducted', id: 'Stamp dikurangi' },
  11: { en: 'Return', id: 'Retur' },
  15: { en: 'Stamps expired', id: 'Stamp kedaluwarsa' },
  16: { en: 'Stamps refund', id: 'Refund stamp' }
}

/** Unknown types are named by number: new activity types appear without notice. */
export function activityLine(a: Activity, lang: 'id' | 'en'): string {
  const name = NAMES[a.type]?.[lang] ?? `#${a.type}`
  const date = a.created ? formatJakarta(new Date(a.created * 1000)).slice(0, 10) : ''
  let amount = ''
  if (a.transaction) amount = `+${a.transaction.stamps}`
  else if (a.balance_update) amount = formatRupiah(a.balance_update.amount)
  return [date, name, amount].filter(Boolean).join(' ')
}
