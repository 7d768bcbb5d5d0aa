/**
 * The XML form of transactions/add: `<root>` with `<list-item>` per list member. Encoding is
 * ours; decoding refuses DOCTYPE/entities outright (no entity expansion, ever).
 */
import { XMLParser } from 'fast-xml-parser'

const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<list-item>${encodeValue(v)}</list-item>`).join('')
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${encodeValue(v)}</${k}>`)
      .join('')
  }
  return escapeXml(String(value))
}

/** Encodes a flat request object (with nested lists) as the documented XML body. */
export function encodeXmlBody(body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<root>${encodeValue(body)}</root>`
}

const parser = new XMLParser({
  processEntities: false,
  ignoreDeclaration: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'list-item'
})

/** Text fields that must stay text even when they look like numbers. */
const TEXT_KEYS = new Set(['status', 'detail', 'name', 'invoice_number', 'level_text', 'error_message', 'error_code'])

// XML carries every value as text; the shared schemas want numbers where JSON has numbers.
function coerce(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => coerce(v, ''))
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 1 && entries[0]![0] === 'list-item') return coerce(entries[0]![1], key)
    return Object.fromEntries(entries.map(([k, v]) => [k, coerce(v, k)]))
  }
  if (typeof value === 'string' && !TEXT_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  return value
}

/**
 * Decodes an XML answer into the JSON shape: `<validation_errors>` becomes `errors` (a list of
 * one-field objects) so the same error mapping reads both forms. Returns undefined if unreadable.
 */
export function decodeXmlAnswer(text: string): Record<string, unknown> | undefined {
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) return undefined
  let doc: unknown
  try {
    doc = parser.parse(text, true)
  } catch {
    return undefined
  }
  const root = (doc as { root?: unknown } | undefined)?.root
  if (!root || typeof root !== 'object') return undefined
  const out = coerce(root, 'root') as Record<string, unknown>
  if ('validation_errors' in out) {
    const list = out.validation_errors
    out.errors = Array.isArray(list) ? list : list && typeof list === 'object' ? [list] : []
    delete out.validation_errors
  }
  return out
}
