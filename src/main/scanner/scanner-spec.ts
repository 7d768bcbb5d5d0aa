/** Scanner setting: one spec string (`hid-pos`, `hid:1eab:1d10?layout=newland`, `wedge`, `none`) parsed with zod. */
import { z } from 'zod'
import type { PosLayout } from './pos-layouts'

/** Which interface of the device is read: HID POS, boot keyboard, or a MagTek swipe reader's HID report. */
export type ScannerMode = 'pos' | 'keyboard' | 'msr'

export type ScannerSpec =
  /** Any HID POS barcode scanner (usage page 0x8C, usage 0x02); the layout follows the vendor unless named. */
  | { kind: 'hid-pos'; layout?: PosLayout }
  /** One device by USB ids; mode unset means "infer from the interface's usage page". */
  | {
      kind: 'hid'
      vendorId: number
      productId: number
      mode?: ScannerMode
      layout?: PosLayout
      /** Send Honeywell's "Redirect Output" feature report on open (composite keyboard + HID POS). */
      redirect?: true
    }
  /** Keyboard-wedge capture in the renderer only; main opens nothing. */
  | { kind: 'wedge' }
  | { kind: 'none' }

export const SCANNER_SPEC_HELP =
  'expected "hid-pos" (optional "?layout=aim" or "?layout=newland"), "hid:VVVV:PPPP" (4 hex digits each, ' +
  'optional "?mode=pos|keyboard|msr", "layout=aim|newland", "redirect=1"), "wedge" or "none"'

const HID_RE = /^hid:([0-9a-f]{4}):([0-9a-f]{4})(?:\?(.*))?$/i
const HID_POS_RE = /^hid-pos(?:\?(.*))?$/i
/** Honeywell's vendor ids (Metrologic, Hand Held Products): the only devices the redirect report is documented for. */
export const HONEYWELL_VENDOR_IDS: readonly number[] = [0x0c2e, 0x0536]

interface Options {
  mode?: ScannerMode
  layout?: PosLayout
  redirect?: true
}

const OPTIONS: Record<string, Record<string, (o: Options) => void>> = {
  mode: {
    pos: (o) => (o.mode = 'pos'),
    keyboard: (o) => (o.mode = 'keyboard'),
    msr: (o) => (o.mode = 'msr')
  },
  layout: { aim: (o) => (o.layout = 'aim'), newland: (o) => (o.layout = 'newland') },
  redirect: { '1': (o) => (o.redirect = true) }
}

function parseQuery(query: string, allowed: readonly string[], ctx: z.RefinementCtx): Options | null {
  const options: Options = {}
  for (const pair of query.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=')
    const set = allowed.includes(key) ? OPTIONS[key]?.[value] : undefined
    if (!set) {
      ctx.addIssue({ code: 'custom', message: `unknown option "${pair}": ${SCANNER_SPEC_HELP}` })
      return null
    }
    set(options)
  }
  // A layout or the redirect only mean something on the HID POS interface.
  if ((options.layout || options.redirect) && options.mode && options.mode !== 'pos') {
    ctx.addIssue({ code: 'custom', message: `"layout" and "redirect" need mode=pos, not mode=${options.mode}` })
    return null
  }
  return options
}

function parse(raw: string, ctx: z.RefinementCtx): ScannerSpec {
  const spec = raw.toLowerCase()
  if (spec === 'wedge' || spec === 'none') return { kind: spec }
  const pos = HID_POS_RE.exec(spec)
  if (pos) {
    const o = parseQuery(pos[1] ?? '', ['layout'], ctx)
    if (!o) return z.NEVER
    return o.layout ? { kind: 'hid-pos', layout: o.layout } : { kind: 'hid-pos' }
  }
  const m = HID_RE.exec(spec)
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `invalid scanner spec "${raw}": ${SCANNER_SPEC_HELP}` })
    return z.NEVER
  }
  const vendorId = parseInt(m[1] ?? '', 16)
  const productId = parseInt(m[2] ?? '', 16)
  if (vendorId === 0) {
    ctx.addIssue({ code: 'custom', message: `invalid scanner spec "${raw}": vendor id 0000 is not a real device` })
    return z.NEVER
  }
  const o = parseQuery(m[3] ?? '', ['mode', 'layout', 'redirect'], ctx)
  if (!o) return z.NEVER
  if (o.redirect && !HONEYWELL_VENDOR_IDS.includes(vendorId)) {
    ctx.addIssue({ code: 'custom', message: 'redirect=1 is documented for Honeywell scanners only (0c2e, 0536)' })
    return z.NEVER
  }
  return { kind: 'hid', vendorId, productId, ...o }
}

/** zod schema: a spec string in, a {@link ScannerSpec} out. Case and surrounding spaces are ignored. */
export const scannerSpecSchema = z.string().trim().transform(parse)

/** Parses a spec or throws an Error whose message says what was wrong and what is accepted. */
export function parseScannerSpec(spec: string): ScannerSpec {
  const result = scannerSpecSchema.safeParse(spec)
  if (result.success) return result.data
  throw new Error(result.error.issues.map((i) => i.message).join('; '))
}

/** The canonical string for a spec (settings screens, logs). */
export function formatScannerSpec(spec: ScannerSpec): string {
  if (spec.kind === 'hid-pos') return spec.layout ? `hid-pos?layout=${spec.layout}` : 'hid-pos'
  if (spec.kind !== 'hid') return spec.kind
  const hex = (n: number): string => n.toString(16).padStart(4, '0')
  const query = [
    spec.mode && `mode=${spec.mode}`,
    spec.layout && `layout=${spec.layout}`,
    spec.redirect && 'redirect=1'
  ].filter(Boolean)
  return `hid:${hex(spec.vendorId)}:${hex(spec.productId)}${query.length ? `?${query.join('&')}` : ''}`
}
