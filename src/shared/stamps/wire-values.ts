/** Value shapes shared by every Stamps wire schema: lenient numbers, ids, datetimes. */
import { z } from 'zod'
import { ERROR_TEXT } from './errors'

/**
 * A number as DRF accepts it: JSON numbers, or numeric strings (XML bodies and form posts carry
 * every value as text). Empty strings are not numbers.
 */
export const numberish = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
  z.number().finite()
)

/** A whole-number id: merchant, store, transaction, balance update. */
export const idNumber = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
  z.number().int().nonnegative()
)

/** Money in rupiah. Whole numbers in practice; the service may answer floats (50000.0). */
export const rupiah = numberish

/**
 * ISO 8601 datetime as the service takes it, offset optional and possibly hour-only
 * (`2013-02-15T13:01:01+07`).
 */
export const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/,
    'Enter a valid date/time.'
  )

/** True for `YYYY-MM-DD` naming a day that exists (2021-02-29 does not). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!
}

/** A calendar date as DRF's DateField takes it, worded as DRF refuses it. */
export const calendarDate = z.string().trim().refine(isCalendarDate, ERROR_TEXT.badDate)

/** `user` identifies a member by email, member id (card number) or mobile number. */
export const userIdentifier = z.string().trim().min(1).max(254)

/** The static merchant key in a body or query `token` field. */
export const tokenField = z.string().min(1).max(512)

/** Parses an ISO datetime with an optional hour-only offset into epoch milliseconds. */
export function parseIsoDateTime(value: string, defaultOffsetMinutes = 7 * 60): number {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|([+-])(\d{2}):?(\d{2})?)?$/.exec(
      value
    )
  if (!m) return Number.NaN
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone, sign, oh, om] = m
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000))
  const check = new Date(utc)
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d!) return Number.NaN
  let offset = defaultOffsetMinutes
  if (zone === 'Z') offset = 0
  else if (sign) offset = (sign === '-' ? -1 : 1) * (+oh! * 60 + +(om ?? '0'))
  return utc - offset * 60_000
}
