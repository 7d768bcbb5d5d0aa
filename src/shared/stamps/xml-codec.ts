/**
 * The Stamps XML form (`<root>` document, `<list-item>` per list member), as pure functions the
 * sandbox, the receipt bridge and the Stamps client share. Not re-exported from the stamps index,
 * so fast-xml-parser never reaches the renderer bundle. Security: DOCTYPE and ENTITY declarations are refused and entities are never
 * expanded, so no billion-laughs or external-entity body can cost memory or read files.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** Thrown for a body that is not acceptable XML; its message is safe to show the caller. */
export class XmlParseError extends Error {
  override name = 'XmlParseError'
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  isArray: (name) => name === 'list-item'
})

export type XmlValue = string | XmlValue[] | { [key: string]: XmlValue }

/** Parses a Stamps XML body into plain objects: element text stays a string, lists become arrays. */
export function parseStampsXml(text: string): Record<string, XmlValue> {
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new XmlParseError('DOCTYPE and ENTITY declarations are not allowed')
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw new XmlParseError(`${valid.err.msg} (line ${valid.err.line})`)
  const doc = parser.parse(text) as Record<string, unknown>
  const roots = Object.keys(doc)
  if (roots.length !== 1) throw new XmlParseError('expected exactly one root element')
  const root = convert(doc[roots[0]!])
  return typeof root === 'object' && !Array.isArray(root) ? root : {}
}

function convert(node: unknown): XmlValue {
  if (node === null || node === undefined) return ''
  if (typeof node !== 'object') return decodeText(String(node))
  if (Array.isArray(node)) return convert(node[node.length - 1]) // repeated field: the last wins, as in DRF
  const entries = Object.entries(node as Record<string, unknown>)
  if (entries.length === 1 && entries[0]![0] === 'list-item') return (entries[0]![1] as unknown[]).map(convert)
  const out: Record<string, XmlValue> = {}
  for (const [k, v] of entries) {
    if (k === '#text') continue // mixed content: text beside child elements carries no field
    out[k] = k === 'list-item' ? (v as unknown[]).map(convert) : convert(v)
  }
  return out
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes the five predefined entities and character references in one pass; nothing else. */
function decodeText(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name]!
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const tagName = (k: string): string => {
  const t = k.replace(/[^A-Za-z0-9_.-]/g, '_')
  return /^[A-Za-z_]/.test(t) ? t : `_${t}`
}

/** Renders an answer the way the service's XML renderer does: `<root>`, `<list-item>`, no indent. */
export function toStampsXml(value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<root>${render(value)}</root>`
}

function render(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((v) => `<list-item>${render(v)}</list-item>`).join('')
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `<${tagName(k)}>${render(v)}</${tagName(k)}>`)
      .join('')
  }
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  return escapeText(String(value))
}
