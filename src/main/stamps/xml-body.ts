/**
 * The XML form of transactions/add, over the shared pure codec (src/shared/stamps/xml-codec) so the
 * client and the server agree on `<root>`/`<list-item>` and both refuse DOCTYPE and entities.
 */
import { parseStampsXml, toStampsXml, type XmlValue } from '../../shared/stamps/xml-codec'

/** Encodes a request object (with nested lists) as the documented XML body. */
export function encodeXmlBody(body: Record<string, unknown>): string {
  const present = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null))
  return toStampsXml(present)
}

/** Text fields that must stay text even when they look like numbers. */
const TEXT_KEYS = new Set([
  'status',
  'detail',
  'name',
  'invoice_number',
  'level_text',
  'error_message',
  'error_code',
  'number'
])

// XML carries every value as text; the shared answer schemas want numbers where JSON has them.
function coerce(value: XmlValue, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => coerce(v, ''))
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerce(v, k)]))
  if (!TEXT_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  return value
}

/**
 * Decodes an XML answer into the JSON shape: `<validation_errors>` becomes `errors` (a list of
 * one-field objects) so one error mapping reads both forms. Undefined when unreadable.
 */
export function decodeXmlAnswer(text: string): Record<string, unknown> | undefined {
  let root: Record<string, XmlValue>
  try {
    root = parseStampsXml(text)
  } catch {
    return undefined
  }
  const out = coerce(root, 'root') as Record<string, unknown>
  if ('validation_errors' in out) {
    const list = out.validation_errors
    out.errors = Array.isArray(list) ? list : list && typeof list === 'object' ? [list] : []
    delete out.validation_errors
  }
  return out
}
