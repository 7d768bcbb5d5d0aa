/**
 * A receipt template: how to read invoice number, total and date/time off the text a POS prints.
 * Each field has anchors (labels at the start of a line, any case) and optionally a pattern whose
 * first group is the value, read from the text after the anchor. Merchants write their own; the
 * generic one reads the common Indonesian and English labels.
 */
import { z } from 'zod'

const compiles = (source: string): boolean => {
  try {
    return new RegExp(source, 'i').source.length > 0
  } catch {
    return false
  }
}

export const fieldRuleSchema = z
  .object({
    /** Labels a line starts with (any case), most specific first: the first anchor that reads a value wins. */
    anchors: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    /**
     * Applied (any case) to the rest of the anchor's line, or with no anchors to every whole line;
     * group 1 is the value. Without it the value is the rest of the line.
     */
    pattern: z
      .string()
      .min(1)
      .max(200)
      .refine(compiles, 'not a valid regular expression')
      .refine((p) => !compiles(p) || new RegExp(`${p}|`).exec('')!.length > 1, 'needs a group ( ) around the value')
      .optional()
  })
  .refine((r) => r.anchors.length > 0 || r.pattern !== undefined, 'give anchors, a pattern, or both')
export type FieldRule = z.infer<typeof fieldRuleSchema>

export const receiptTemplateSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** Texts that must all appear on the receipt for this template to read it (e.g. the POS's own footer). */
  match: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  invoice: fieldRuleSchema,
  total: fieldRuleSchema,
  dateTime: fieldRuleSchema.optional(),
  /** Texts that mark a job as no sale even with a total on it (a shift report, a kitchen ticket). */
  notSale: z.array(z.string().trim().min(1).max(100)).max(20).default([])
})
export type ReceiptTemplate = z.infer<typeof receiptTemplateSchema>
export type ReceiptTemplateInput = z.input<typeof receiptTemplateSchema>

/** An invoice number: letters, digits and the separators POS software puts in them. */
export const INVOICE_VALUE = String.raw`^[:#\s]*([A-Za-z0-9][A-Za-z0-9\-/._]*)\s*$`
/** An amount and nothing else on the line: `Rp 50.000`, `Rp. 50,000`, `IDR 50.000,00`, `50000`. */
export const AMOUNT_VALUE = String.raw`^[:=\s]*(?:Rp\.?|IDR)?\s*([0-9][0-9.,]*)\s*$`

/** The default: the labels Indonesian and English POS receipts use, the most specific first. */
export const GENERIC_TEMPLATE: ReceiptTemplate = receiptTemplateSchema.parse({
  name: 'generic',
  invoice: {
    anchors: ['No. Invoice', 'No Invoice', 'No. Struk', 'No Struk', 'No. Nota', 'No Nota', 'Invoice', 'Receipt No'],
    pattern: INVOICE_VALUE
  },
  total: { anchors: ['Grand Total', 'Total Bayar', 'Total Belanja', 'TOTAL'], pattern: AMOUNT_VALUE },
  notSale: ['LAPORAN', 'REPORT', 'TEST PAGE', 'KITCHEN', 'DAPUR', 'CHECKER']
})
