/** Printer models from the encoder's own database: the columns, code page and features a `?model=` implies. */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { z } from 'zod'
import { EPSON_CODEPAGES } from '../../shared/receipt/codepages'
import { COLUMNS, type Columns } from '../../shared/receipt/receipt-model'

export type ProfileCodepage = keyof typeof EPSON_CODEPAGES

/** What the encoder needs to know about the printer it writes for. */
export interface PrinterProfile {
  /** The database id (`epson-tm-t88v`), or null for a generic 58 or 80 mm printer. */
  model: string | null
  name: string
  columns: Columns
  /** The code page selected with ESC t, and the model's numbering of code pages. */
  codepage: ProfileCodepage
  codepageMapping: string
  qr: boolean
  cutter: boolean
  /** The database names no drawer port: desktop models (those with a cutter) have one, handhelds do not. */
  drawer: boolean
}

/** One entry of the admin's list. */
export interface PrinterModelInfo {
  id: string
  name: string
  columns: number
}

const capabilitiesSchema = z.object({
  language: z.string(),
  codepages: z.string(),
  fonts: z.object({ A: z.object({ columns: z.number() }) }),
  qrcode: z.object({ supported: z.boolean() }).optional(),
  cutter: z.object({ feed: z.number() }).optional()
})

// Preference order; a page counts only when the model numbers it as Epson does, so the preview
// (decoded with Epson's numbers) reads exactly what the paper shows.
const CODEPAGE_PREFERENCE: ProfileCodepage[] = ['cp858', 'cp850', 'windows1252', 'cp437']

/** The ESC t number the model uses for `page`, or null when the model lacks it. */
function escTNumber(model: string, page: ProfileCodepage): number | null {
  try {
    const b = new ReceiptPrinterEncoder({ printerModel: model as never, newline: '\n' })
      .codepage(page)
      .text('é')
      .encode()
    const at = b.findIndex((v, i) => v === 0x1b && b[i + 1] === 0x74)
    return at < 0 ? null : b[at + 2]!
  } catch {
    return null
  }
}

function profileOf(id: string, name: string): PrinterProfile | null {
  const caps = capabilitiesSchema.parse(new ReceiptPrinterEncoder({ printerModel: id as never }).printerCapabilities)
  // Star's own command languages are not ESC/POS: the queue, the decoder and the status read speak ESC/POS only.
  if (caps.language !== 'esc-pos') return null
  const columns = caps.fonts.A.columns as Columns
  if (!(COLUMNS as readonly number[]).includes(columns)) return null
  const codepage = CODEPAGE_PREFERENCE.find((p) => escTNumber(id, p) === EPSON_CODEPAGES[p]) ?? 'cp437'
  const cutter = caps.cutter !== undefined
  return {
    model: id,
    name,
    columns,
    codepage,
    codepageMapping: caps.codepages,
    qr: caps.qrcode?.supported ?? false,
    cutter,
    drawer: cutter
  }
}

let table: Map<string, PrinterProfile> | null = null

/** Every ESC/POS model of the encoder's database, built once. */
function profiles(): Map<string, PrinterProfile> {
  table ??= new Map(
    ReceiptPrinterEncoder.printerModels.flatMap((m) => {
      const p = profileOf(m.id, m.name.trim())
      return p ? [[m.id, p] as const] : []
    })
  )
  return table
}

/** The models an admin can choose, by name. */
export function printerModels(): PrinterModelInfo[] {
  return [...profiles().values()]
    .map((p) => ({ id: p.model!, name: p.name, columns: p.columns }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export function isPrinterModel(id: string): boolean {
  return profiles().has(id)
}

/** Generic printers: the paper width's columns, Epson numbering, every feature. */
export function genericProfile(columns: Columns): PrinterProfile {
  const name = columns <= 35 ? 'Generic 58 mm' : 'Generic 80 mm'
  return {
    model: null,
    name,
    columns,
    codepage: 'cp858',
    codepageMapping: 'epson',
    qr: true,
    cutter: true,
    drawer: true
  }
}

/**
 * The profile for a spec's `?model=` and `?columns=` (which wins over the model's columns),
 * or a generic printer of the paper width setting when the spec names neither.
 */
export function resolveProfile(options: {
  model?: string | undefined
  columns?: Columns | undefined
  paperWidth: 58 | 80
}): PrinterProfile {
  const base = options.model ? profiles().get(options.model) : undefined
  if (options.model && !base) throw new Error(`unknown printer model "${options.model}"`)
  const profile = base ?? genericProfile(options.paperWidth === 80 ? 48 : 32)
  return options.columns ? { ...profile, columns: options.columns } : profile
}
