/** Receipt model: what a receipt says, as data, before it becomes ESC/POS bytes or a preview. */
import { z } from 'zod'

/**
 * Printable columns in font A (12 dots a character): 58 mm paper has 32, 80 mm has 48 at 203 dpi
 * and 42 at 180 dpi (Epson TM-T88 class); 35 and 44 are the other widths the encoder knows.
 */
export const COLUMNS = [32, 35, 42, 44, 48] as const
export const columnsSchema = z.literal(COLUMNS)
export type Columns = (typeof COLUMNS)[number]

/** Print area in dots for a width in font A columns (12 dots each), as the encoder counts it. */
export function printableDots(columns: number): number {
  return Math.floor((columns * 12) / 8) * 8
}

export const alignSchema = z.enum(['left', 'center', 'right'])
export type Align = z.infer<typeof alignSchema>

/** A text line; longer text wraps at word boundaries. size 2 = double width and height. */
export const textItemSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  align: alignSchema.default('left'),
  bold: z.boolean().default(false),
  size: z.union([z.literal(1), z.literal(2)]).default(1)
})

/** A full-width rule made of one character. */
export const separatorItemSchema = z.object({
  type: z.literal('separator'),
  char: z.string().length(1).default('-')
})

/** Label on the left, value on the right, padded to the paper width. */
export const rowItemSchema = z.object({
  type: z.literal('row'),
  label: z.string(),
  value: z.string(),
  bold: z.boolean().default(false),
  /** Spaces before each wrapped line of the label, e.g. to keep an item's name under itself. */
  hang: z.number().int().min(0).max(8).default(0)
})

/** A native QR code (GS ( k); size is the module size in dots. */
export const qrItemSchema = z.object({
  type: z.literal('qr'),
  // Refused rather than transliterated: silently altering a URL would make a QR that scans wrong.
  data: z
    .string()
    .min(1)
    .max(700)
    .regex(/^[\x20-\x7e]+$/, 'QR data must be printable ASCII'),
  align: alignSchema.default('center'),
  size: z.number().int().min(1).max(16).default(6)
})

export const feedItemSchema = z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10) })

export const cutItemSchema = z.object({ type: z.literal('cut'), partial: z.boolean().default(true) })

/** Cash drawer kick on connector pin 2 (ESC p 0). */
export const drawerItemSchema = z.object({ type: z.literal('drawer') })

export const receiptItemSchema = z.discriminatedUnion('type', [
  textItemSchema,
  separatorItemSchema,
  rowItemSchema,
  qrItemSchema,
  feedItemSchema,
  cutItemSchema,
  drawerItemSchema
])

export const receiptSchema = z.object({
  columns: columnsSchema,
  items: z.array(receiptItemSchema)
})

export type ReceiptItem = z.infer<typeof receiptItemSchema>
export type ReceiptItemInput = z.input<typeof receiptItemSchema>
export type Receipt = z.infer<typeof receiptSchema>
export type ReceiptInput = z.input<typeof receiptSchema>

/** The paper width setting, mapped to columns. */
export const paperWidthSchema = z.enum(['58mm', '80mm'])
export type PaperWidth = z.infer<typeof paperWidthSchema>
export function columnsFor(paper: PaperWidth): Columns {
  return paper === '58mm' ? 32 : 48
}
