/**
 * The store's wall clock: the calendar day and time of day of an instant in a time zone
 * (Asia/Jakarta unless told). Every local date or time the app computes comes from here: the
 * day an invoice number is unique in, receipt and screen timestamps, desk invoice numbers.
 */

export const STORE_TIME_ZONE = 'Asia/Jakarta'

export interface WallClock {
  year: number
  /** 1 to 12 */
  month: number
  day: number
  /** 0 to 23 */
  hour: number
  minute: number
  second: number
}

// Jakarta has kept UTC+7 with no daylight saving since 1964: plain arithmetic there is exact,
// cheap on hot paths (every sale's key), and the same in Node and the renderer whatever ICU
// time zone data each carries. Other zones, and older instants, go through Intl.
const JAKARTA_FIXED_SINCE = Date.UTC(1964, 0, 1)
const JAKARTA_OFFSET_MS = 7 * 3_600_000

// Building a DateTimeFormat costs more than a whole SQLite insert: one per zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>()

/** The wall clock of `ms` in `timeZone`; throws a RangeError for an invalid instant. */
export function wallClock(ms: number, timeZone: string = STORE_TIME_ZONE): WallClock {
  if (timeZone === STORE_TIME_ZONE && ms >= JAKARTA_FIXED_SINCE) {
    const d = new Date(ms + JAKARTA_OFFSET_MS)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds()
    }
  }
  const parts = Object.fromEntries(
    zoneFormat(timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)])
  )
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!
  }
}

/** YYYY-MM-DD of `ms` in `timeZone`: the day invoice numbers are unique in, per store. */
export function localDay(ms: number, timeZone: string = STORE_TIME_ZONE): string {
  const c = wallClock(ms, timeZone)
  return `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)}`
}

/** Two digits, zero-padded: for the fixed-width dates and times built from a wall clock. */
export const two = (n: number): string => String(n).padStart(2, '0')

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formats.set(timeZone, format)
  }
  return format
}
