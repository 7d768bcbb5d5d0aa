/** Turns a wire activity into what an entry shows; unknown types stay readable (`Activity #n`). */
import { ACTIVITY_STATUS, type Activity } from '../../../shared/stamps/activities'
import type { Language, StringKey } from '../../../shared/i18n'
import type { Translate } from '../i18n'
import { formatActivityDate, formatCount, formatSignedRupiah } from './format'

const NAMED = new Set([0, 1, 2, 5, 6, 7, 9, 10, 11, 12, 15, 16])
/** Types whose stamps leave the member (shown with a minus whatever sign the wire uses). */
const SPENDING = new Set([1, 10, 11, 15])
/** Types whose stamps arrive. */
const EARNING = new Set([0, 2, 16])

export interface ActivityEntry {
  id: number
  title: string
  place: string | null
  date: string | null
  stamps: string | null
  amount: string | null
  canceled: boolean
}

/** The entry's texts in the current language. */
export function describeActivity(a: Activity, t: Translate, lang: Language): ActivityEntry {
  const reward = a.type === 1 ? a.redemption?.name : undefined
  const title = reward
    ? t('activity.redeemed', { name: reward })
    : NAMED.has(a.type)
      ? t(`activity.${a.type}` as StringKey)
      : t('activity.unknown', { type: a.type })
  const stampCount = a.stamps ?? a.transaction?.stamps ?? a.redemption?.stamps
  let stamps: string | null = null
  if (typeof stampCount === 'number' && stampCount !== 0) {
    const n = Math.abs(stampCount)
    const sign = SPENDING.has(a.type) ? '−' : EARNING.has(a.type) || stampCount > 0 ? '+' : '−'
    stamps = `${sign}${t('activity.stamps', { n: formatCount(n, lang) })}`
  }
  const value = (a.transaction as { value?: unknown } | undefined)?.value
  const amount =
    typeof a.balance_update?.amount === 'number'
      ? formatSignedRupiah(a.balance_update.amount)
      : typeof value === 'number'
        ? formatSignedRupiah(value).replace(/^\+/, '')
        : null
  const canceled =
    a.transaction?.status === ACTIVITY_STATUS.canceled || a.balance_update?.status === ACTIVITY_STATUS.canceled
  return {
    id: a.id,
    title,
    place: a.store?.display_name || a.merchant?.name || null,
    date: typeof a.created === 'number' ? formatActivityDate(a.created, lang) : null,
    stamps,
    amount,
    canceled
  }
}
