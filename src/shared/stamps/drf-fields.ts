/**
 * Django REST Framework's IntegerField, DecimalField and CharField as the Stamps service runs
 * them: what each accepts, what it turns it into, and the exact message for what it refuses.
 * The sandbox answers with these messages, and the bridge and the client refuse the same
 * inputs before they reach Stamps. Source: rest_framework/fields.py (IntegerField,
 * DecimalField, CharField) and the validators CharField adds. Python behaviour (int(),
 * decimal.Decimal(), str.strip()) was checked against CPython 3.11.
 */
import { ERROR_TEXT } from './errors'
import { asciiDigits, PY_INT_SPACE, PY_SPACE, pyLen, pyStrip } from './py-text'

/** A field's value, or the one message DRF would answer for it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

/** DRF's own words. */
export const DRF_TEXT = {
  required: ERROR_TEXT.required,
  null: 'This field may not be null.',
  invalidInteger: 'A valid integer is required.',
  invalidNumber: 'A valid number is required.',
  stringTooLarge: 'String value too large.',
  decimalPlaces: (n: number) => `Ensure that there are no more than ${n} decimal places.`,
  notAString: 'Not a valid string.',
  blank: 'This field may not be blank.',
  maxLength: (n: number) => `Ensure this field has no more than ${n} characters.`,
  nullCharacters: 'Null characters are not allowed.',
  datetimeOverflow: 'Datetime value out of range.',
  surrogate: (cp: number) => `Surrogate characters are not allowed: U+${cp.toString(16).toUpperCase()}.`
} as const

/** IntegerField and DecimalField guard: longer strings are refused before parsing. */
const MAX_STRING_LENGTH = 1000

/** The part every field shares (Field.validate_empty_values): absent, then null. */
function empty<T>(v: unknown): Parsed<T> | undefined {
  if (v === undefined) return fail(DRF_TEXT.required)
  if (v === null) return fail(DRF_TEXT.null)
  return undefined
}

// IntegerField.to_internal_value is `int(re.sub(r'\.0*\s*$', '', str(data)))`: "2.0" and
// "2." are 2, "2.5" is not. int() then takes an optional sign, decimal digits of any script
// with single underscores between them ("1_000"), and whitespace around; never "0x10",
// "1e3", "0b1" or an inner space.
const reDecimal = new RegExp(`\\.0*[${PY_SPACE}]*$`, 'u')
const pyInt = new RegExp(`^[${PY_INT_SPACE}]*([+-]?)(\\p{Nd}+(?:_\\p{Nd}+)*)[${PY_INT_SPACE}]*$`, 'u')

/**
 * IntegerField. JSON numbers must be whole (1.0 is, 1.5 is not). One deliberate difference:
 * Python's ints have no ceiling, JavaScript's numbers are exact only to 2^53, so a larger
 * integer is refused as "A valid integer is required." instead of failing later at Stamps.
 */
export function parseDrfInteger(v: unknown): Parsed<number> {
  const none = empty<number>(v)
  if (none) return none
  if (typeof v === 'number') return Number.isSafeInteger(v) ? ok(v + 0) : fail(DRF_TEXT.invalidInteger)
  // str(True), str([1]) and str({}) are never digits
  if (typeof v !== 'string') return fail(DRF_TEXT.invalidInteger)
  if (v.length > MAX_STRING_LENGTH && pyLen(v) > MAX_STRING_LENGTH) return fail(DRF_TEXT.stringTooLarge)
  const m = pyInt.exec(v.replace(reDecimal, ''))
  if (!m) return fail(DRF_TEXT.invalidInteger)
  const n = Number(`${m[1]}${asciiDigits(m[2] ?? '').replaceAll('_', '')}`)
  return Number.isSafeInteger(n) ? ok(n + 0) : fail(DRF_TEXT.invalidInteger)
}

// decimal.Decimal(text) after underscores are dropped, whitespace stripped and digits of any
// script made ASCII: a sign, digits with at most one point, an exponent. "Infinity" and "NaN"
// parse too, and DRF refuses them, as this pattern does.
const pyDecimal = /^([+-]?)([0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE]([+-]?[0-9]+))?$/
/**
 * DecimalField(decimal_places=n) without max_digits. Strings and JSON numbers alike: "1e3" is
 * 1000 and "5_000" is 5000 (Decimal takes both), "0x10", "Infinity" and "NaN" are refused.
 * Decimal places count as DRF counts them, from the text: "1.000" has three.
 */
export function parseDrfDecimal(v: unknown, decimalPlaces: number): Parsed<number> {
  const none = empty<number>(v)
  if (none) return none
  let text: string
  // a whole number has no decimal places, whatever its size (the common case: rupiah)
  if (typeof v === 'number' && Number.isInteger(v)) return ok(v + 0)
  if (typeof v === 'number') {
    // JSON 1e400 reaches Python as inf, which DecimalField refuses, and JavaScript as Infinity
    if (!Number.isFinite(v)) return fail(DRF_TEXT.invalidNumber)
    // JavaScript's shortest form has Python's digits; it drops the ".0" of a whole float,
    // one decimal place that never matters here
    text = String(v)
  } else if (typeof v === 'string') text = pyStrip(v)
  else return fail(DRF_TEXT.invalidNumber)
  if (text.length > MAX_STRING_LENGTH && pyLen(text) > MAX_STRING_LENGTH) return fail(DRF_TEXT.stringTooLarge)
  const m = pyDecimal.exec(asciiDigits(pyStrip(text.replaceAll('_', ''))))
  if (!m) return fail(DRF_TEXT.invalidNumber)
  const sign = m[1] ?? ''
  const mantissa = m[2] ?? ''
  const exponent = m[3] ?? '0'
  const fraction = mantissa.split('.')[1] ?? ''
  if (fraction.length - Number(exponent) > decimalPlaces) return fail(DRF_TEXT.decimalPlaces(decimalPlaces))
  const n = Number(`${sign}${mantissa}e${exponent}`)
  // Beyond a double's range ("1e400") the value is still finite to Python and larger than any
  // limit here: keep it the largest double so max-value checks answer, not "not a number".
  return ok(Number.isFinite(n) ? n : (sign === '-' ? -1 : 1) * Number.MAX_VALUE)
}

// str() of a JSON number: JSON 1e400 is inf in Python. (A whole float keeps its ".0" there,
// 1.0 -> "1.0", which JavaScript cannot tell from 1 once the JSON is parsed.)
const pyNumberText = (n: number): string => (Number.isFinite(n) ? String(n) : n > 0 ? 'inf' : '-inf')

/** CharField options: DRF's defaults are allow_blank=False and trim_whitespace=True. */
export interface CharOptions {
  maxLength?: number
  allowBlank?: boolean
}

/**
 * CharField: strings, and numbers as their text (DRF is lenient there); never booleans,
 * lists or objects. Trimmed as Python strips; then max_length in code points, then Django's
 * ProhibitNullCharactersValidator and DRF's ProhibitSurrogateCharactersValidator (a lone
 * UTF-16 half, which JSON can carry as "\ud800").
 */
export function parseDrfChar(v: unknown, opts: CharOptions = {}): Parsed<string> {
  const none = empty<string>(v)
  if (none) return none
  if (typeof v !== 'string' && typeof v !== 'number') return fail(DRF_TEXT.notAString)
  const s = pyStrip(typeof v === 'number' ? pyNumberText(v) : v)
  // only a string can be blank: str() of a number never is
  if (s === '') return opts.allowBlank ? ok('') : fail(DRF_TEXT.blank)
  // code points never outnumber UTF-16 units: count them only when the units are too many
  if (opts.maxLength !== undefined && s.length > opts.maxLength && pyLen(s) > opts.maxLength)
    return fail(DRF_TEXT.maxLength(opts.maxLength))
  if (s.includes('\u0000')) return fail(DRF_TEXT.nullCharacters)
  // with the u flag only a surrogate that is not half of a pair matches
  const lone = /[\uD800-\uDFFF]/.test(s) ? /[\uD800-\uDFFF]/u.exec(s) : null
  if (lone) return fail(DRF_TEXT.surrogate(lone[0].charCodeAt(0)))
  return ok(s)
}
