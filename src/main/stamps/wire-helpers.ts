/** Request and answer helpers every Stamps client module shares: local parsing, query strings, answer decoding. */
import type { z } from 'zod'
import { errorFromZod } from './stamps-error'
import { decodeXmlAnswer } from './xml-body'

/** Parses a request before it leaves; a refusal is a local validation StampsError. */
export function checked<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input)
  if (!r.success) throw errorFromZod(r.error)
  return r.data
}

/** Query parameters from parsed values (lists repeat the key; the token never goes in a URL). */
export function toQuery(values: Record<string, unknown>): URLSearchParams {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || k === 'token') continue
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item))
  }
  return q
}

/** The answer body as a value: JSON, or XML read into the same shape; undefined when neither. */
export function decodeAnswer(text: string): unknown {
  const t = text.trimStart()
  if (t.startsWith('<')) return decodeXmlAnswer(t)
  try {
    return JSON.parse(t)
  } catch {
    return undefined
  }
}
