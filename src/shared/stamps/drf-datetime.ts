/**
 * DRF's DateTimeField with its ISO-8601 input, as the Stamps service runs it: Django's
 * parse_datetime (django/utils/dateparse.py), then the conversion to the service's time zone
 * (USE_TZ, Asia/Jakarta, +07:00). Years run 1 to 9999 as Python's datetime allows; year 1
 * stays year 1 (JavaScript's Date.UTC would read it as 1901).
 */
import { ERROR_TEXT } from './errors'
import { DRF_TEXT, type Parsed } from './drf-fields'
import { asciiDigits, PY_SPACE } from './py-text'

/** A date and time as written, with its offset in minutes (null: none given). */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  microsecond: number
  offsetMinutes: number | null
}

// Django 4+ datetime_re: 1-2 digit fields, "," or "." before the fraction (digits past the
// sixth ignored), whitespace before the offset, offsets Z, +HH, +HHMM, +HH:MM. Python's \d is
// any script's digit (hence asciiDigits first) and its $ also matches before a final newline.
const djangoDateTime = new RegExp(
  '^(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:[.,](\\d{1,6})\\d{0,6})?)?' +
    `[${PY_SPACE}]*(Z|[+-]\\d{2}(?::?\\d{2})?)?\\n?$`
)
// parse_datetime tries datetime.fromisoformat first. Of the forms it adds, only the bare date
// (midnight, no offset) is taken by every Python version; Python 3.11's extras (20130215,
// week dates, any separator) depend on the server's Python and are refused here.
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
const daysIn = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31)

/** parse_datetime: the wall time, or null where Django returns None or raises ValueError. */
export function parseDjangoDateTime(value: string): WallTime | null {
  const date = isoDate.exec(value)
  const m = date ?? djangoDateTime.exec(asciiDigits(value))
  if (!m) return null
  const n = (i: number): number => Number(m[i] ?? 0)
  const t: WallTime = {
    year: n(1),
    month: n(2),
    day: n(3),
    hour: date ? 0 : n(4),
    minute: date ? 0 : n(5),
    second: date ? 0 : n(6),
    microsecond: date ? 0 : Number((m[7] ?? '0').padEnd(6, '0')),
    offsetMinutes: null
  }
  // datetime() refuses these with ValueError, which DRF reports as a wrong format
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > daysIn(t.year, t.month)) return null
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return null
  const zone = date ? undefined : m[8]
  if (zone === 'Z') t.offsetMinutes = 0
  else if (zone !== undefined) {
    // as Django computes it: "+05:99" is 6 h 39 min, and accepted; only a whole day or more
    // is refused (by Python's timezone), so "-99:99" and "+24:00" are wrong formats
    const minutes = 60 * Number(zone.slice(1, 3)) + (zone.length > 3 ? Number(zone.slice(-2)) : 0)
    if (minutes >= 24 * 60) return null
    t.offsetMinutes = zone.startsWith('-') ? -minutes : minutes
  }
  return t
}

/** Epoch ms of the wall time read as UTC, exact for years 1 to 99 too. */
function wallMs(t: WallTime): number {
  const d = new Date(Date.UTC(2000, 0, 1, t.hour, t.minute, t.second, Math.floor(t.microsecond / 1000)))
  d.setUTCFullYear(t.year, t.month - 1, t.day)
  return d.getTime()
}

const FIRST_MS = wallMs({ year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, microsecond: 0, offsetMinutes: 0 })
const LAST_MS = wallMs({
  year: 9999,
  month: 12,
  day: 31,
  hour: 23,
  minute: 59,
  second: 59,
  microsecond: 999_999,
  offsetMinutes: 0
})

/** Epoch ms of a parsed time; one without an offset is read at `naiveOffsetMinutes`. */
export function instantOf(t: WallTime, naiveOffsetMinutes: number): number {
  return wallMs(t) - (t.offsetMinutes ?? naiveOffsetMinutes) * 60_000
}

/**
 * DateTimeField.to_internal_value. Anything but a string is a wrong format (parse_datetime
 * raises TypeError, which DRF reads so). With an offset, the value is moved to UTC and to the
 * service's zone (`zoneOffsetMinutes`): either leaving years 1-9999 is Python's
 * OverflowError, "Datetime value out of range." A value without an offset is taken as the
 * service's local time. The text is kept as given, for the client to forward.
 */
export function parseDrfDateTime(v: unknown, zoneOffsetMinutes = 7 * 60): Parsed<string> {
  if (v === undefined) return { ok: false, error: DRF_TEXT.required }
  if (v === null) return { ok: false, error: DRF_TEXT.null }
  const t = typeof v === 'string' ? parseDjangoDateTime(v) : null
  if (typeof v !== 'string' || !t) return { ok: false, error: ERROR_TEXT.badDatetime }
  if (t.offsetMinutes !== null) {
    const utc = instantOf(t, 0)
    const local = utc + zoneOffsetMinutes * 60_000
    if (utc < FIRST_MS || utc > LAST_MS || local < FIRST_MS || local > LAST_MS)
      return { ok: false, error: DRF_TEXT.datetimeOverflow }
  }
  return { ok: true, value: v }
}
