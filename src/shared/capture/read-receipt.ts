/**
 * Reads a sale off the text of a printed receipt with a template: invoice number, total and
 * date/time, and how sure the reading is. Only a `sale` reading is ever posted; `unsure` is
 * listed for a person; `other` (a kitchen ticket, a report, a test page) is left alone.
 */
import { GENERIC_TEMPLATE, type FieldRule, type ReceiptTemplate } from './receipt-template'

export type ReadingKind = 'sale' | 'unsure' | 'other'

export interface ReceiptReading {
  kind: ReadingKind
  /** The template that gave this reading. */
  template: string
  invoice: string | null
  /** Whole rupiah. */
  total: number | null
  /** Local date/time printed on the receipt, `YYYY-MM-DDTHH:MM:SS`; null when none was found. */
  dateTime: string | null
  /** Why it is not a sale: `no-invoice`, `no-total`, `total-ambiguous`, `invoice-ambiguous`, `not-a-sale`. */
  problems: string[]
}

const lower = (s: string): string => s.toLowerCase()

/** Every value the rule reads, in line order, from the first anchor (in the rule's order) that reads any. */
function values(lines: string[], rule: FieldRule): string[] {
  const re = rule.pattern === undefined ? null : new RegExp(rule.pattern, 'i')
  const read = (rest: string): string | null => {
    if (!re) return rest.replace(/^[\s:#=]+/, '').trim() || null
    const m = re.exec(rest)
    return m?.[1]?.trim() || null
  }
  if (rule.anchors.length === 0) return lines.map(read).filter((v): v is string => v !== null)
  for (const anchor of rule.anchors) {
    const a = lower(anchor)
    const found = lines
      .filter((l) => lower(l).startsWith(a))
      .map((l) => read(l.slice(a.length)))
      .filter((v): v is string => v !== null)
    if (found.length > 0) return found
  }
  return []
}

/**
 * An amount as printed, in whole rupiah: `50.000`, `50,000`, `50.000,00`, `50,000.00`, `50000`.
 * Two digits after the last separator are cents (dropped); three are a thousands group.
 */
export function parseAmount(text: string): number | null {
  const t = text.trim()
  if (!/^[0-9][0-9.,]*$/.test(t)) return null
  const cents = /^(.*\d)[.,](\d{2})$/.exec(t)
  const whole = cents ? cents[1]! : t
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return null
  return Number(whole.replace(/[.,]/g, ''))
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, mei: 5, may: 5, jun: 6, jul: 7, agu: 8, agt: 8, aug: 8, sep: 9, okt: 10, oct: 10,
  nov: 11, des: 12, dec: 12
} // prettier-ignore
const pad = (n: number | string): string => String(n).padStart(2, '0')

function dateIn(text: string): { date: string; rest: string } | null {
  const valid = (y: number, m: number, d: number): string | null =>
    m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 2000 && y <= 2099 ? `${y}-${pad(m)}-${pad(d)}` : null
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text)
  let date = m && valid(+m[1]!, +m[2]!, +m[3]!)
  if (!date && (m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(text))) date = valid(+m[3]!, +m[2]!, +m[1]!)
  if (!date && (m = /(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s-](\d{4})/.exec(text)))
    date = valid(+m[3]!, MONTHS[lower(m[2]!)] ?? 0, +m[1]!)
  return date && m ? { date, rest: text.slice(m.index + m[0].length) } : null
}

function timeIn(text: string): string | null {
  const m = /(?:^|\D)([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]([0-5]\d))?(?!\d)/.exec(text)
  return m ? `${pad(m[1]!)}:${m[2]}:${m[3] ?? '00'}` : null
}

/** The receipt's date/time: from the template's rule, else the first line with a date; the time beside it or after Jam/Pukul/Time. */
function readDateTime(lines: string[], rule: FieldRule | undefined): string | null {
  const source = rule ? values(lines, rule) : lines
  for (const line of source) {
    const d = dateIn(line)
    if (!d) continue
    const clock = lines
      .map((l) => /\b(?:jam|pukul|waktu|time)\s*:?\s*(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)/i.exec(l)?.[1])
      .find((t) => t !== undefined)
    const time = timeIn(d.rest) ?? (clock ? timeIn(clock) : null) ?? '00:00:00'
    return `${d.date}T${time}`
  }
  return null
}

/** Reads the lines with one template. */
export function readWith(lines: string[], template: ReceiptTemplate): ReceiptReading {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '')
  const problems: string[] = []
  const invoices = [...new Set(values(text, template.invoice))]
  const totals = [...new Set(values(text, template.total).map(parseAmount))].filter((n): n is number => n !== null)
  const invoice = invoices.length === 1 ? invoices[0]! : null
  const total = totals.length === 1 && totals[0]! > 0 ? totals[0]! : null
  if (invoices.length > 1) problems.push('invoice-ambiguous')
  else if (!invoice) problems.push('no-invoice')
  if (totals.length > 1) problems.push('total-ambiguous')
  else if (total === null) problems.push('no-total')
  const all = lower(text.join('\n'))
  const notSale = template.notSale.some((t) => all.includes(lower(t)))
  if (notSale) problems.push('not-a-sale')
  // A total label with no readable amount is a sale the template failed on: a person looks.
  const totalLabel = text.some((l) => /^(grand )?total\b/i.test(l))
  const kind: ReadingKind = notSale
    ? 'other'
    : invoice && total !== null
      ? 'sale'
      : totals.length > 0 || totalLabel
        ? 'unsure'
        : 'other'
  return { kind, template: template.name, invoice, total, dateTime: readDateTime(text, template.dateTime), problems }
}

/**
 * Tries the merchant's templates whose `match` texts are all on the receipt, in order, then the
 * generic one; the first sale wins. Otherwise the first template's reading says what is missing.
 */
export function readReceipt(lines: string[], templates: readonly ReceiptTemplate[] = []): ReceiptReading {
  const all = lower(lines.join('\n'))
  const fitting = templates.filter((t) => t.match.every((m) => all.includes(lower(m))))
  const readings = [...fitting, GENERIC_TEMPLATE].map((t) => readWith(lines, t))
  return readings.find((r) => r.kind === 'sale') ?? readings[0]!
}
