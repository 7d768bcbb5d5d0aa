/** Screen formats: rupiah without decimals (shared with receipts) and dates in Jakarta time. */
import { two, wallClock } from '../../../shared/local-day'
import { formatRupiah } from '../../../shared/money'
import type { Language } from '../../../shared/i18n'

export { formatRupiah }

/** `+Rp10.000` / `-Rp10.000`: a signed amount for activity entries. */
export const formatSignedRupiah = (amount: number): string =>
  amount > 0 ? `+${formatRupiah(amount)}` : formatRupiah(amount)

/** Thousands with dots (id) or commas (en), no decimals: stamp counts. */
export const formatCount = (n: number, lang: Language): string =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 0 }).format(n)

/** A sale's day (the store's `YYYY-MM-DD`) spelled in the screen's language: `1 Mar 2024`. */
export const formatSaleDay = (day: string, lang: Language): string =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric'
  }).format(new Date(`${day}T00:00:00Z`))

const dateFormats = new Map<Language, Intl.DateTimeFormat>()

/** Epoch seconds as a Jakarta wall-clock date and time, e.g. `12 Mar 2025 14.05 WIB`. */
export function formatActivityDate(epochSeconds: number, lang: Language): string {
  let f = dateFormats.get(lang)
  if (!f) {
    // Intl only spells the date in the language (month names, separators): the Jakarta time
    // itself comes from the shared wall clock, handed over as a UTC instant so Intl adds no offset.
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false
    })
    dateFormats.set(lang, f)
  }
  const c = wallClock(epochSeconds * 1000)
  return `${f.format(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute))} WIB`
}

/** An instant (epoch ms) as the store's wall-clock time of day, `14.05` (id) or `14:05` (en). */
export function formatTimeOfDay(ms: number, lang: Language): string {
  const c = wallClock(ms)
  return `${two(c.hour)}${lang === 'id' ? '.' : ':'}${two(c.minute)}`
}
