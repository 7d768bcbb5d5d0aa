/**
 * Python's view of text, for reading values the way the Stamps service (Python, Django REST
 * Framework) reads them: which characters are whitespace, how long a string is, what a digit
 * is. JavaScript's trim(), \s, .length and \d each disagree with Python somewhere.
 */

/**
 * str.isspace() and re's \s, checked against CPython 3.11 over every code point below
 * U+30000: ASCII whitespace, the separators U+001C-U+001F, NEL, NBSP and the Unicode spaces.
 * Not U+FEFF, which JavaScript's trim() removes.
 */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'

/** int() strips the same set less U+001C-U+001F (also checked against CPython 3.11). */
export const PY_INT_SPACE = '\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'

/** str.isspace() for one UTF-16 unit (every Python space is in the BMP): PY_SPACE as code. */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return (c >= 0x09 && c <= 0x0d) || c >= 0x1c
  if (c < 0x85) return false
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

/**
 * str.strip(). A loop, not a regex: /\s+$/ retries at every position of an inner run of
 * spaces, which makes a 1 MiB body of spaces cost seconds.
 */
export function pyStrip(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && isPySpace(s.charCodeAt(start))) start++
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--
  return start === 0 && end === s.length ? s : s.slice(start, end)
}

/** len(str): code points, so an emoji is 1 (JavaScript's .length says 2). */
export function pyLen(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

const nd = /^\p{Nd}$/u
const digitValues = new Map<number, number>()

// Unicode encodes every decimal digit (category Nd) in runs of ten, 0 to 9 in order, and
// whole runs may sit back to back (the mathematical digits are five): the value is the
// distance from the start of the run of Nd characters, modulo ten.
function digitValue(cp: number): number {
  let value = digitValues.get(cp)
  if (value === undefined) {
    let start = cp
    while (start > 0 && nd.test(String.fromCodePoint(start - 1))) start--
    value = (cp - start) % 10
    digitValues.set(cp, value)
  }
  return value
}

/** Every decimal digit of any script as its ASCII digit: int('٤٢') is 42 in Python. */
export function asciiDigits(s: string): string {
  if (!/[\u0080-\uffff]/.test(s)) return s
  return s.replace(/\p{Nd}/gu, (d) => String(digitValue(d.codePointAt(0) ?? 0)))
}
