/** The admin form as text: draft from the public settings, quick checks, and the patch of changes. */
import type { z } from 'zod'
import type { publicSettingsSchema, SettingsPatchInput } from '../../../shared/ipc'

type PublicSettings = z.infer<typeof publicSettingsSchema>

export interface SettingsDraft {
  upstreamMode: 'embedded' | 'custom'
  upstream: string
  credKind: 'token' | 'jwt'
  /** Write-only: empty keeps the saved key. */
  key: string
  credMerchantId: string
  merchant: string
  store: string
  printer: string
  paperWidth: '58' | '80'
  scanner: string
  mode: 'kiosk' | 'cashier'
  idle: string
  language: 'id' | 'en'
}

export function draftOf(s: PublicSettings): SettingsDraft {
  return {
    upstreamMode: s.upstream === null ? 'embedded' : 'custom',
    upstream: s.upstream ?? '',
    credKind: s.credential.kind,
    key: '',
    credMerchantId: s.credential.merchantId === undefined ? '' : String(s.credential.merchantId),
    merchant: String(s.merchant),
    store: String(s.store),
    printer: s.printer ?? '',
    paperWidth: s.paperWidth === 80 ? '80' : '58',
    scanner: s.scanner,
    mode: s.kiosk.mode,
    idle: String(s.kiosk.idleTimeoutSeconds),
    language: s.language
  }
}

const wholeIn = (text: string, min: number, max: number): boolean =>
  /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max

const isHttpUrl = (text: string): boolean => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol)

/** Plain http to another computer would carry the key in clear (main refuses it too). */
const isPlainHttpAway = (text: string): boolean => {
  const url = new URL(text)
  return url.protocol === 'http:' && !/^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(url.hostname)
}

/** Error codes by field (`admin.err.<code>`), checked before anything is sent. */
export function checkSettings(d: SettingsDraft): Record<string, string> {
  const e: Record<string, string> = {}
  if (d.upstreamMode === 'custom') {
    if (!isHttpUrl(d.upstream.trim())) e.upstream = 'url'
    else if (isPlainHttpAway(d.upstream.trim())) e.upstream = 'https'
  }
  if (d.key !== '' && (d.key.length < 8 || d.key.length > 512)) e['credential.key'] = 'key'
  if (d.credKind === 'jwt' && !wholeIn(d.credMerchantId, 1, 1e9)) e['credential.merchantId'] = 'id'
  if (!wholeIn(d.merchant, 1, 1e9)) e.merchant = 'id'
  if (!wholeIn(d.store, 1, 1e9)) e.store = 'id'
  if (d.scanner.trim() === '') e.scanner = 'required'
  if (!wholeIn(d.idle, 10, 3600)) e['kiosk.idleTimeoutSeconds'] = 'idle'
  return e
}

/** The checks before a save: the field checks, and a key typed again when the server changes. */
export function checkSave(d: SettingsDraft, s: PublicSettings): Record<string, string> {
  const e = checkSettings(d)
  const upstream = buildPatch(d, s).upstream
  if (upstream !== undefined && upstream !== null && d.key === '' && !e['credential.key']) e['credential.key'] = 'rekey'
  return e
}

/** Only what changed; a credential is sent when its kind, merchant id or key changed. */
export function buildPatch(d: SettingsDraft, s: PublicSettings): SettingsPatchInput {
  const p: SettingsPatchInput = {}
  const upstream = d.upstreamMode === 'embedded' ? null : d.upstream.trim()
  if (upstream !== s.upstream) p.upstream = upstream
  const merchantId = d.credKind === 'jwt' ? Number(d.credMerchantId) : undefined
  if (d.key !== '' || d.credKind !== s.credential.kind || merchantId !== s.credential.merchantId) {
    p.credential = {
      kind: d.credKind,
      ...(d.key !== '' && { key: d.key }),
      ...(merchantId !== undefined && { merchantId })
    }
  }
  if (Number(d.merchant) !== s.merchant) p.merchant = Number(d.merchant)
  if (Number(d.store) !== s.store) p.store = Number(d.store)
  const printer = d.printer.trim() === '' ? null : d.printer.trim()
  if (printer !== s.printer) p.printer = printer
  if (Number(d.paperWidth) !== s.paperWidth) p.paperWidth = d.paperWidth === '80' ? 80 : 58
  if (d.scanner.trim() !== s.scanner) p.scanner = d.scanner.trim()
  if (d.mode !== s.kiosk.mode || Number(d.idle) !== s.kiosk.idleTimeoutSeconds)
    p.kiosk = { mode: d.mode, idleTimeoutSeconds: Number(d.idle) }
  if (d.language !== s.language) p.language = d.language
  return p
}
