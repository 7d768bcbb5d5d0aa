/**
 * The DRF field parsers against Python's own answers: every expected value below is what
 * CPython 3.11 gave for DRF's code path (int(re.sub(r'\.0*\s*$', '', str(v))), Decimal with
 * DecimalField's checks, Django's parse_datetime plus the move to +07:00).
 */
import { describe, expect, it } from 'vitest'
import { parseDrfDateTime } from './drf-datetime'
import { DRF_TEXT, parseDrfChar, parseDrfDecimal, parseDrfInteger, type Parsed } from './drf-fields'
import { ERROR_TEXT } from './errors'
import { isPySpace, PY_SPACE } from './py-text'
import { parseIsoDateTime } from './wire-values'

const outcome = <T>(r: Parsed<T>): T | string => (r.ok ? r.value : `! ${r.error}`)
const I = `! ${DRF_TEXT.invalidInteger}`
const N = `! ${DRF_TEXT.invalidNumber}`
const DP = `! ${DRF_TEXT.decimalPlaces(2)}`
const F = `! ${ERROR_TEXT.badDatetime}`
const O = `! ${DRF_TEXT.datetimeOverflow}`

describe("Python's whitespace", () => {
  it('isPySpace and the PY_SPACE class (str.isspace in CPython 3.11) agree on every BMP unit', () => {
    const inClass = new RegExp(`^[${PY_SPACE}]$`)
    const disagree: number[] = []
    for (let c = 0; c < 0x10000; c++) if (isPySpace(c) !== inClass.test(String.fromCharCode(c))) disagree.push(c)
    expect(disagree).toEqual([])
  })
})

describe('IntegerField', () => {
  const table: Array<[unknown, number | string]> = [
    ['1', 1],
    [' 12 ', 12],
    ['+12', 12],
    ['-3', -3],
    ['010', 10],
    ['1_000', 1000],
    ['2.0', 2],
    ['2.', 2],
    ['2.000  ', 2],
    ['\u0664\u0662', 42],
    ['\uff11\uff12', 12],
    ['\u00a07\u3000', 7],
    ['12\n', 12],
    ['\u{1d7d7}', 9],
    ['12.0\x1c', 12],
    [7, 7],
    [-0, 0],
    ['0x10', I],
    ['0X10', I],
    ['0b1', I],
    ['0o7', I],
    ['1e3', I],
    ['1E3', I],
    ['1.5', I],
    ['2.5', I],
    ['.0', I],
    ['', I],
    ['  ', I],
    ['- 5', I],
    ['1__0', I],
    ['_1', I],
    ['1_', I],
    ['\x1c12', I],
    ['\ufeff12', I],
    ['12\x1c', I],
    ['inf', I],
    ['NaN', I],
    ['1 2', I],
    [1.5, I],
    [true, I],
    [false, I],
    [[], I],
    [[1], I],
    [{}, I],
    // beyond 2^53 JavaScript cannot hold the integer exactly: refused (see parseDrfInteger)
    ['9007199254740993', I],
    [1e16, I],
    ['1'.repeat(1001), `! ${DRF_TEXT.stringTooLarge}`],
    [null, `! ${DRF_TEXT.null}`],
    [undefined, `! ${DRF_TEXT.required}`]
  ]
  it.each(table)('%j -> %j', (input, expected) => {
    expect(outcome(parseDrfInteger(input))).toBe(expected)
  })
})

describe('DecimalField(decimal_places=2)', () => {
  const table: Array<[unknown, number | string]> = [
    ['50000', 50000],
    [' 1.5 ', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E+3', 1000],
    ['5_000', 5000],
    ['_1', 1],
    ['1__0', 10],
    ['+12.30', 12.3],
    ['1.10', 1.1],
    ['\u0664\u0662.\u0665', 42.5],
    ['0.01', 0.01],
    ['1e-2', 0.01],
    ['100e-2', 1],
    ['\x1c5\x1c', 5],
    [1.25, 1.25],
    [1e20, 1e20],
    // finite to Python, beyond a double: kept as the largest double so limits still answer
    ['1e400', Number.MAX_VALUE],
    ['0x10', N],
    ['Infinity', N],
    ['inf', N],
    ['-Infinity', N],
    ['NaN', N],
    ['nan', N],
    ['sNaN', N],
    ['', N],
    [' ', N],
    ['1.2.3', N],
    ['1e', N],
    ['e3', N],
    ['.', N],
    ['1 2', N],
    [true, N],
    [[], N],
    [{}, N],
    [Infinity, N],
    ['1.005', DP],
    ['1.000', DP],
    ['1e-3', DP],
    [1.005, DP],
    [0.001, DP],
    ['1'.repeat(1001), `! ${DRF_TEXT.stringTooLarge}`],
    [null, `! ${DRF_TEXT.null}`]
  ]
  it.each(table)('%j -> %j', (input, expected) => {
    expect(outcome(parseDrfDecimal(input, 2))).toBe(expected)
  })
  it('keeps the sign of zero as Decimal does ("-0")', () => {
    expect(outcome(parseDrfDecimal('-0', 2))).toBe(-0)
  })
})

describe('CharField(max_length=10)', () => {
  const table: Array<[unknown, string]> = [
    ['abc', 'abc'],
    ['  abc  ', 'abc'],
    ['\u3000x\u2028', 'x'],
    // Python does not count U+FEFF as whitespace (JavaScript's trim() does)
    ['\ufeffx', '\ufeffx'],
    [123, '123'],
    [1.5, '1.5'],
    ['\u{1f600}'.repeat(10), '\u{1f600}'.repeat(10)],
    ['x'.repeat(11), `! ${DRF_TEXT.maxLength(10)}`],
    ['a\u0000b', `! ${DRF_TEXT.nullCharacters}`],
    ['\u0000', `! ${DRF_TEXT.nullCharacters}`],
    ['a\ud800', '! Surrogate characters are not allowed: U+D800.'],
    ['\udfffz', '! Surrogate characters are not allowed: U+DFFF.'],
    ['', `! ${DRF_TEXT.blank}`],
    [' \t ', `! ${DRF_TEXT.blank}`],
    [true, `! ${DRF_TEXT.notAString}`],
    [[], `! ${DRF_TEXT.notAString}`],
    [{}, `! ${DRF_TEXT.notAString}`],
    [null, `! ${DRF_TEXT.null}`],
    [undefined, `! ${DRF_TEXT.required}`]
  ]
  it.each(table)('%j -> %j', (input, expected) => {
    expect(outcome(parseDrfChar(input, { maxLength: 10 }))).toBe(expected)
  })
})

describe('DateTimeField (ISO 8601, Django parse_datetime, zone +07:00)', () => {
  const table: Array<[unknown, string]> = [
    // accepted: the epoch ms a naive time has in Jakarta, or its instant when an offset is given
    ['2013-02-15T13:01:01+07', '2013-02-15T06:01:01.000Z'],
    ['2013-02-15T13:01:01Z', '2013-02-15T13:01:01.000Z'],
    ['2013-02-15 13:01:01 +07:00', '2013-02-15T06:01:01.000Z'],
    ['2013-2-5T1:1', '2013-02-04T18:01:00.000Z'],
    ['2013-02-15T13:01:01,5Z', '2013-02-15T13:01:01.500Z'],
    ['2013-02-15T13:01:01.1234567', '2013-02-15T06:01:01.123Z'],
    ['2013-02-15', '2013-02-14T17:00:00.000Z'],
    ['2013-02-15T13:01:01+0530', '2013-02-15T07:31:01.000Z'],
    ['0001-01-01T12:00:00', '0001-01-01T05:00:00.000Z'],
    ['9999-12-31T23:59:59', '9999-12-31T16:59:59.000Z'],
    // Django reads the minutes as given: 5 h 99 min is 6 h 39 min
    ['2013-02-15T13:01:01+05:99', '2013-02-15T06:22:01.000Z'],
    ['2013-02-15T13:01:01+23:59', '2013-02-14T13:02:01.000Z'],
    ['2013-02-15T13:01:01\n', '2013-02-15T06:01:01.000Z'],
    ['\u0662\u0660\u0661\u0663-02-15T13:01', '2013-02-15T06:01:00.000Z'],
    ['2024-02-29T00:00:00', '2024-02-28T17:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T16:59:59Z', '9999-12-31T16:59:59.000Z'],
    ['9999-12-31T23:59:59+07:00', '9999-12-31T16:59:59.000Z'],
    // refused
    ['2013-02-15T13:01:01-99:99', F],
    ['2013-02-15T13:01:01+24:00', F],
    ['2013-02-15T13:01:01+2400', F],
    ['10000-01-01T00:00:00', F],
    ['0000-01-01T00:00:00', F],
    ['2013-02-30T00:00:00', F],
    ['2023-02-29T00:00:00', F],
    ['2013-02-15T24:00:00', F],
    ['2013-02-15T13:60', F],
    ['2013-02-15T13:01:60', F],
    ['yesterday', F],
    ['', F],
    [' 2013-02-15T13:01', F],
    ['2013-02-15T13:01:01+7', F],
    ['2013-02-15T13:01:01Z\n\n', F],
    [20130215, F],
    [true, F],
    ['9999-12-31T23:00:00Z', O],
    ['9999-12-31T17:00:00Z', O],
    ['0001-01-01T00:00:00+01:00', O],
    ['9999-12-31T23:59:59-01:00', O],
    [null, `! ${DRF_TEXT.null}`]
  ]
  it.each(table)('%j -> %s', (input, expected) => {
    const r = parseDrfDateTime(input)
    expect(r.ok ? new Date(parseIsoDateTime(r.value)).toISOString() : `! ${r.error}`).toBe(expected)
    if (r.ok) expect(r.value).toBe(input)
  })
})
