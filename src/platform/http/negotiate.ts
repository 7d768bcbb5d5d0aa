/** Content negotiation: request bodies by Content-Type, answers by Accept (JSON by default). */
import { parseStampsXml, XmlParseError } from '../../shared/stamps/xml-codec'
import { httpErrors } from './http-error'

/** True when the Accept header prefers XML over JSON (ties go to the earlier media range). */
export function wantsXml(accept: string | undefined): boolean {
  if (!accept || !accept.includes('xml')) return false
  let best: { xml: boolean; q: number } | undefined
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase())
    const xml = type === 'application/xml' || type === 'text/xml'
    if (!xml && type !== 'application/json') continue
    const qParam = params.find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!Number.isFinite(q) || q <= 0) continue
    if (!best || q > best.q) best = { xml, q }
  }
  return best?.xml ?? false
}

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/** JSON (also no type at all, as some POS software sends it) or XML: the bodies the receipt bridge reads. */
export function isJsonOrXml(type: string): boolean {
  return (
    type === '' ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/xml' ||
    type === 'text/xml'
  )
}

/**
 * Decodes a raw body by its Content-Type: JSON (also when none is given), XML, or a form.
 * An empty body is `{}`. Throws the DRF-style 400 for malformed input and 415 for other types.
 */
export function decodeBody(raw: string | undefined, contentType: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return {}
  const type = mediaType(contentType)
  if (type === '' || type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(raw) as unknown
    } catch (err) {
      throw httpErrors.parse('JSON', (err as Error).message)
    }
  }
  if (type === 'application/xml' || type === 'text/xml') {
    try {
      return parseStampsXml(raw)
    } catch (err) {
      if (err instanceof XmlParseError) throw httpErrors.parse('XML', err.message)
      throw httpErrors.parse('XML', 'malformed document')
    }
  }
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw))
  throw httpErrors.mediaType(type)
}

/** Query values: the last of a repeated parameter wins (as in Django), except true lists. */
export function flattenQuery(query: unknown, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    out[k] = Array.isArray(v) && !lists.includes(k) ? v[v.length - 1] : v
  }
  return out
}
