/**
 * Value shapes shared by every Stamps wire schema, read as strictly and as leniently as the
 * service (Django REST Framework) reads them, each refusal worded as DRF words it.
 */
import { z } from 'zod'
import { ERROR_TEXT } from './errors'
import { instantOf, parseDjangoDateTime, parseDrfDateTime } from './drf-datetime'
import { parseDrfChar, parseDrfDecimal, parseDrfInteger, type CharOptions, type Parsed } from './drf-fields'

/** A DRF field as a zod schema: the field's value, or one issue carrying DRF's exact message. */
function drfField<T>(parse: (v: unknown) => Parsed<T>) {
  return z.unknown().transform((v, ctx): T => {
    const r = parse(v)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: r.error })
    return z.NEVER
  })
}

/** IntegerField: JSON whole numbers or decimal-digit strings ("2", " 2 ", "2.0"); never "0x10" or "1e3". */
export const wholeNumber = drfField(parseDrfInteger)

/** A whole-number id: merchant, store, transaction, balance update. */
export const idNumber = wholeNumber.pipe(z.number().int().nonnegative())

/**
 * Money in rupiah: DecimalField(decimal_places=2). Whole numbers in practice; the service may
 * answer floats (50000.0). XML bodies and query strings carry the same values as text.
 */
export const rupiah = drfField((v) => parseDrfDecimal(v, 2))

/**
 * ISO 8601 datetime as the service takes it (Django's parse_datetime), offset optional and
 * possibly hour-only (`2013-02-15T13:01:01+07`). Kept as the text given.
 */
export const isoDateTime = drfField((v) => parseDrfDateTime(v))

/** CharField: trimmed, not blank, at most `maxLength` characters, no NUL or lone surrogate. */
export const drfText = (opts: CharOptions = {}) => drfField((v) => parseDrfChar(v, opts))

/** `user` identifies a member by email, member id (card number) or mobile number. */
export const userIdentifier = drfText({ maxLength: 254 })

/** The static merchant key in a body or query `token` field. */
export const tokenField = drfText({ maxLength: 512 })

/**
 * Epoch milliseconds of an ISO datetime the schemas accept; a time without an offset is read
 * at `defaultOffsetMinutes` (the store's zone, Jakarta). NaN for anything else.
 */
export function parseIsoDateTime(value: string, defaultOffsetMinutes = 7 * 60): number {
  const t = parseDjangoDateTime(value)
  return t ? instantOf(t, defaultOffsetMinutes) : Number.NaN
}

/** True for a real `YYYY-MM-DD` day of years 0001 to 9999 (never read as 19xx, as Date.UTC would). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (year < 1) return false
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/** A calendar date as DRF's DateField takes it, worded as DRF refuses it. */
export const calendarDate = z.string().trim().refine(isCalendarDate, ERROR_TEXT.badDate)

const TRUE_WORDS = new Set(['true', 'True', 'TRUE', 't', 'T', 'yes', 'Yes', 'y', 'Y', 'on', 'On', '1'])
const FALSE_WORDS = new Set(['false', 'False', 'FALSE', 'f', 'F', 'no', 'No', 'n', 'N', 'off', 'Off', '0'])

/** BooleanField: JSON booleans, 1/0 and DRF's words for each ("true", "False", "1"), from bodies and queries. */
export const drfBoolean = z.unknown().transform((v, ctx): boolean => {
  if (v === true || v === 1 || (typeof v === 'string' && TRUE_WORDS.has(v.trim()))) return true
  if (v === false || v === 0 || (typeof v === 'string' && FALSE_WORDS.has(v.trim()))) return false
  ctx.addIssue({ code: 'custom', message: v === undefined ? ERROR_TEXT.required : 'Must be a valid boolean.' })
  return z.NEVER
})

/** Channel codes of transactions and redemptions: 1 Mobile App, 2 POS, 3 Kiosk ... 9 GoFood. */
export const CHANNEL = { mobileApp: 1, pos: 2, kiosk: 3, web: 4, android: 5, ios: 6 } as const

/** A channel code as the API takes it (an integer from the documented table). */
export const channelCode = wholeNumber.pipe(z.number().int().min(1).max(9))

/** A free JSON object (`extra_data`). */
export const extraData = z.record(z.string(), z.unknown())

/** Channel names as activities print them ("POS"), by code. */
export const CHANNEL_NAMES: Readonly<Record<number, string>> = {
  1: 'Mobile App',
  2: 'POS',
  3: 'Kiosk',
  4: 'Web',
  5: 'Android',
  6: 'iOS',
  7: 'Call Center',
  8: 'GrabFood',
  9: 'GoFood'
}
