/** Scanner setting: one spec string (`hid-pos`, `hid:0c2e:0b61?mode=pos`, `wedge`, `none`) parsed with zod. */
import { z } from 'zod'

export type ScannerMode = 'pos' | 'keyboard'

export type ScannerSpec =
  /** Any HID POS barcode scanner (usage page 0x8C, usage 0x02). */
  | { kind: 'hid-pos' }
  /** One device by USB ids; mode unset means "infer from the interface's usage page". */
  | { kind: 'hid'; vendorId: number; productId: number; mode?: ScannerMode }
  /** Keyboard-wedge capture in the renderer only; main opens nothing. */
  | { kind: 'wedge' }
  | { kind: 'none' }

export const SCANNER_SPEC_HELP =
  'expected "hid-pos", "hid:VVVV:PPPP" (4 hex digits each, optional "?mode=keyboard" or "?mode=pos"), "wedge" or "none"'

const HID_RE = /^hid:([0-9a-f]{4}):([0-9a-f]{4})(?:\?(.*))?$/i

function parseQuery(query: string, ctx: z.RefinementCtx): ScannerMode | undefined | null {
  let mode: ScannerMode | undefined
  for (const pair of query.split('&').filter(Boolean)) {
    const [key, value] = pair.split('=')
    if (key !== 'mode' || (value !== 'keyboard' && value !== 'pos')) {
      ctx.addIssue({ code: 'custom', message: `unknown option "${pair}": only mode=keyboard or mode=pos` })
      return null
    }
    mode = value
  }
  return mode
}

/** zod schema: a spec string in, a {@link ScannerSpec} out. Case and surrounding spaces are ignored. */
export const scannerSpecSchema = z
  .string()
  .trim()
  .transform((raw, ctx): ScannerSpec => {
    const spec = raw.toLowerCase()
    if (spec === 'hid-pos' || spec === 'wedge' || spec === 'none') return { kind: spec }
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
    const mode = m[3] === undefined ? undefined : parseQuery(m[3], ctx)
    if (mode === null) return z.NEVER
    return mode ? { kind: 'hid', vendorId, productId, mode } : { kind: 'hid', vendorId, productId }
  })

/** Parses a spec or throws an Error whose message says what was wrong and what is accepted. */
export function parseScannerSpec(spec: string): ScannerSpec {
  const result = scannerSpecSchema.safeParse(spec)
  if (result.success) return result.data
  throw new Error(result.error.issues.map((i) => i.message).join('; '))
}

/** The canonical string for a spec (settings screens, logs). */
export function formatScannerSpec(spec: ScannerSpec): string {
  if (spec.kind !== 'hid') return spec.kind
  const hex = (n: number): string => n.toString(16).padStart(4, '0')
  return `hid:${hex(spec.vendorId)}:${hex(spec.productId)}${spec.mode ? `?mode=${spec.mode}` : ''}`
}
