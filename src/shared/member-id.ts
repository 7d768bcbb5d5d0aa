/** Member identifier from any scan or typed text: card number, email or Indonesian mobile (no Node imports: renderer uses it). */
import { z } from 'zod'
import type { StringKey } from './i18n'

export const memberIdSchema = z.object({
  ok: z.literal(true),
  kind: z.enum(['card', 'email', 'mobile']),
  value: z.string()
})
export const memberIdFailureSchema = z.object({
  ok: z.literal(false),
  code: z.enum([
    'empty',
    'too-long',
    'card-read-error',
    'bad-card',
    'bad-mobile',
    'bad-email',
    'no-id-in-qr',
    'unknown'
  ])
})
export const memberIdResultSchema = z.discriminatedUnion('ok', [memberIdSchema, memberIdFailureSchema])
export type MemberId = z.infer<typeof memberIdSchema>
export type MemberIdFailure = z.infer<typeof memberIdFailureSchema>
export type MemberIdResult = z.infer<typeof memberIdResultSchema>

/** The catalogue key of the reason shown for a failure code (the compiler checks each code has one). */
export const memberIdReason = (code: MemberIdFailure['code']): StringKey => `memberId.${code}`

const fail = (code: MemberIdFailure['code']): MemberIdFailure => ({ ok: false, code })
const ok = (kind: MemberId['kind'], value: string): MemberId => ({ ok: true, kind, value })

// Pragmatic email check: the server is the authority; this only catches scans that are clearly not one.
const EMAIL_RE = /^[^\s@<>()"',;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i
// 08 + 8..12 digits, after dropping the country code: +628.../628... mean the same number.
const MOBILE_RE = /^(?:\+?62|0)(8\d{8,12})$/

/**
 * Classifies plain text. Mobile is tried before card: `08...`/`628...` numbers are all digits too, so
 * a 10-16 digit card starting 08 or 628 would read as a mobile (the demo cards start 1 and 2).
 */
function parsePlain(text: string, hint?: 'email' | 'mobile'): MemberIdResult {
  if (text.includes('@') || hint === 'email')
    return EMAIL_RE.test(text) ? ok('email', text.toLowerCase()) : fail('bad-email')
  const compact = text.replace(/[\s\-.()]/g, '')
  const mobile = MOBILE_RE.exec(compact)
  if (mobile) return ok('mobile', `+62${mobile[1]}`)
  if (hint === 'mobile' || /^(?:\+62|08)/.test(compact)) return fail('bad-mobile')
  if (/^\d+$/.test(compact)) return compact.length >= 6 && compact.length <= 19 ? ok('card', compact) : fail('bad-card')
  return fail('unknown')
}

export interface MagstripeTracks {
  track1?: { pan: string; name?: string }
  track2?: { pan: string }
  error: boolean
}

/** True for text a card reader typed: tracks start with `%` or `;` and end with `?`. */
export const isMagstripeText = (text: string): boolean => /^[%;][^?]*\?/.test(text.trim())

/** Finds track 1 (`%B<PAN>^NAME^...?`) and track 2 (`;<PAN>=...?`); lenient about format codes and missing fields. */
export function parseMagstripe(text: string): MagstripeTracks {
  const t1 = /%[A-Z]?(\d{1,19})(?:\^([^^?]*))?[^?]*\?/.exec(text)
  const t2 = /;(\d{1,19})(?:=[^?]*)?\?/.exec(text)
  // `%E?` / `;E?` is how readers report a track they could not decode.
  const error = !t1 && !t2 && /[%;]E\?/.test(text)
  return {
    ...(t1?.[1] ? { track1: { pan: t1[1], ...(t1[2]?.trim() ? { name: t1[2].trim() } : {}) } } : {}),
    ...(t2?.[1] ? { track2: { pan: t2[1] } } : {}),
    error
  }
}

/** Masks a card number for logs: only the last 4 digits stay. */
export const maskPan = (pan: string): string => `${'*'.repeat(Math.max(0, pan.length - 4))}${pan.slice(-4)}`

const QR_KEYS = [
  'member_id',
  'memberId',
  'card_number',
  'cardNumber',
  'member',
  'card',
  'user',
  'id',
  'email',
  'mobile',
  'phone'
]
const hintFor = (key: string): 'email' | 'mobile' | undefined =>
  key === 'email' ? 'email' : key === 'mobile' || key === 'phone' ? 'mobile' : undefined

/** First candidate that parses wins; otherwise the first specific failure, so a bad mobile says so. */
function firstOk(candidates: Array<[string, unknown]>): MemberIdResult {
  let firstFail: MemberIdResult | undefined
  for (const [key, v] of candidates) {
    // JSON numbers above 2^53 were already rounded by JSON.parse: a long card number is unusable.
    if (typeof v === 'number' && !Number.isSafeInteger(v)) firstFail ??= fail('bad-card')
    if (typeof v !== 'string' && typeof v !== 'number') continue
    const r = parsePlain(String(v).trim(), hintFor(key))
    if (r.ok) return r
    firstFail ??= r
  }
  return firstFail ?? fail('no-id-in-qr')
}

function fromJson(text: string): MemberIdResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return fail('unknown')
  }
  if (typeof data !== 'object' || data === null) return fail('no-id-in-qr')
  const record = data as Record<string, unknown>
  return firstOk(QR_KEYS.map((k) => [k, record[k]]))
}

function fromUrl(url: URL): MemberIdResult {
  if (url.protocol === 'mailto:') return parsePlain(decodeSafe(url.pathname), 'email')
  if (url.protocol === 'tel:') return parsePlain(decodeSafe(url.pathname), 'mobile')
  const params = QR_KEYS.map((k): [string, unknown] => [k, url.searchParams.get(k) ?? undefined])
  if (params.some(([, v]) => v)) return firstOk(params)
  const last = url.pathname.split('/').filter(Boolean).pop()
  const result = last ? parsePlain(decodeSafe(last)) : fail('no-id-in-qr')
  return result.ok ? result : fail('no-id-in-qr')
}

// A malformed %-escape is just not an identifier; keep the raw text and let the checks reject it.
function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Parses a scan or typed text into a member identifier, or a failure code (shown via memberIdReason). */
export function parseMemberId(input: string): MemberIdResult {
  // Scanners may add CR/LF/Tab suffixes or GS separators (GS1 codes): drop control characters.
  const text = input.replace(/\p{Cc}/gu, '').trim()
  if (text.length === 0) return fail('empty')
  if (text.length > 2048) return fail('too-long')
  if (isMagstripeText(text)) {
    const tracks = parseMagstripe(text)
    const pan = tracks.track2?.pan ?? tracks.track1?.pan
    if (!pan) return fail('card-read-error')
    return /^\d{6,19}$/.test(pan) ? ok('card', pan) : fail('bad-card')
  }
  if (text.startsWith('{')) return fromJson(text)
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|tel:)/i.test(text)) {
    try {
      return fromUrl(new URL(text))
    } catch {
      return fail('unknown')
    }
  }
  return parsePlain(text)
}
