/** Rupiah arithmetic and local dates. Money hazard: sums are done in integer hundredths only. */

/** The largest single amount the sandbox takes (Rp 1 trillion): hundredths stay exact in JS. */
export const MAX_RUPIAH = 1_000_000_000_000

/** Ceiling of every stored counter (stamps, hundredths): beyond it JS numbers lose precision. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER

/** Rupiah to integer hundredths, or NaN when the value has more than 2 decimal places. */
export function toCents(rupiah: number): number {
  if (!Number.isFinite(rupiah)) return Number.NaN
  const cents = Math.round(rupiah * 100)
  return Math.abs(cents - rupiah * 100) > 1e-6 * Math.max(1, Math.abs(rupiah)) ? Number.NaN : cents
}

/** Integer hundredths back to rupiah for the wire. */
export function fromCents(cents: number): number {
  return cents / 100
}

/** Stamps a sale earns: one per `perValue` rupiah of the total, rounded down. */
export function stampsFor(totalCents: number, perValue: number): number {
  return Math.max(0, Math.floor(totalCents / (perValue * 100)))
}

const JAKARTA_FIXED_SINCE = Date.UTC(1964, 0, 1)
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar date (YYYY-MM-DD) of `ms` in `timeZone`: the day invoice numbers are unique in. */
export function localDay(ms: number, timeZone = 'Asia/Jakarta'): string {
  // Jakarta has kept UTC+7 without DST since 1964: plain arithmetic, no Intl on the hot path
  if (timeZone === 'Asia/Jakarta' && ms >= JAKARTA_FIXED_SINCE)
    return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10)
  let fmt = dayFormats.get(timeZone)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormats.set(timeZone, fmt)
  }
  // format() writes year 1 as "1-01-01": build the date from its parts with a 4-digit year
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    fmt.formatToParts(ms).find((p) => p.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}
