/**
 * The one place zod issues become Django REST Framework wording, so every endpoint's field
 * errors read like the real service's ("This field is required.", "A valid integer is required.").
 */
import type { z } from 'zod'
import { ERROR_TEXT } from '../../shared/stamps/errors'

/** Fields DRF declares as IntegerField: their number errors say "integer". */
const INTEGER_FIELDS = new Set(['store', 'merchant', 'id', 'older_than', 'merchant_id', 'quantity', 'crm_merchant_id'])

/** Python's name for a JSON value's type, as DRF prints it. */
function pyType(v: unknown): string {
  if (v === null) return 'NoneType'
  if (Array.isArray(v)) return 'list'
  if (typeof v === 'string') return 'str'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  return 'dict'
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

/** The DRF message for one issue; `input` is the request data the issue's path points into. */
export function drfMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path)
  const field = fieldName(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return ERROR_TEXT.required
      if (value === null) return 'This field may not be null.'
      if (issue.expected === 'number' || issue.expected === 'int') {
        return INTEGER_FIELDS.has(field) ? 'A valid integer is required.' : 'A valid number is required.'
      }
      if (issue.expected === 'array') return `Expected a list of items but got type "${pyType(value)}".`
      if (issue.expected === 'object') return `Invalid data. Expected a dictionary, but got ${pyType(value)}.`
      return 'Not a valid string.'
    case 'too_small':
      if (issue.origin === 'string') return 'This field may not be blank.'
      if (issue.origin === 'array') return `Ensure this field has at least ${issue.minimum} elements.`
      return issue.inclusive
        ? `Ensure this value is greater than or equal to ${issue.minimum}.`
        : `Ensure this value is greater than ${issue.minimum}.`
    case 'too_big':
      if (issue.origin === 'string') return `Ensure this field has no more than ${issue.maximum} characters.`
      if (issue.origin === 'array') return `Ensure this field has no more than ${issue.maximum} elements.`
      if (issue.origin === 'int' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER)
        return 'A valid integer is required.'
      return `Ensure this value is less than or equal to ${issue.maximum}.`
    case 'invalid_value':
      return `"${String(value)}" is not a valid choice.`
    case 'invalid_format':
      return field === 'created' ? ERROR_TEXT.badDatetime : 'Enter a valid value.'
    default:
      // the wire schemas' DRF fields (src/shared/stamps/drf-fields.ts) raise custom issues
      // that already carry DRF's exact message
      return issue.message
  }
}

/** The field an issue belongs to: its last named path segment (item errors name the item field). */
export function fieldName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string
  return 'non_field_errors'
}

/** Field errors in issue order, one message per field (the first), as `field -> message`. */
export function drfFieldErrors(error: z.ZodError, input: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = fieldName(issue.path)
    if (!(field in out)) out[field] = drfMessage(issue, input)
  }
  return out
}

/** DRF CharFields accept numbers: `"invoice_number": 123` is the string "123". */
export function numbersToStrings<T>(data: T, fields: readonly string[]): T {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data
  const rec = data as Record<string, unknown>
  let copy: Record<string, unknown> | undefined
  for (const f of fields) {
    if (typeof rec[f] === 'number') (copy ??= { ...rec })[f] = String(rec[f])
  }
  return (copy ?? data) as T
}
