/** One printed line per activity for the member slip: date, what happened, and by how much. */
import { translate, type Language } from '../../shared/i18n'
import { formatRupiah } from '../../shared/money'
import { formatJakarta } from '../../shared/receipt'
import type { Activity } from '../../shared/stamps'

/** Types the slip names (`receipt.activity.<type>`): the compiler checks each one has a key. */
const NAMED = [0, 1, 2, 5, 6, 7, 9, 10, 11, 15, 16] as const
const isNamed = (type: number): type is (typeof NAMED)[number] => (NAMED as readonly number[]).includes(type)

/** Unknown types are named by number: new activity types appear without notice. */
export function activityLine(a: Activity, lang: Language): string {
  const name = isNamed(a.type)
    ? translate(lang, `receipt.activity.${a.type}`)
    : translate(lang, 'receipt.activity.unknown', { type: a.type })
  const date = a.created ? formatJakarta(new Date(a.created * 1000)).slice(0, 10) : ''
  let amount = ''
  if (a.transaction) amount = `+${a.transaction.stamps}`
  else if (a.balance_update) amount = formatRupiah(a.balance_update.amount)
  return [date, name, amount].filter(Boolean).join(' ')
}
