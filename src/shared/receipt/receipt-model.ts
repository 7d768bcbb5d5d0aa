/** Receipt model: what a receipt says, as data, before it becomes ESC/POS bytes or a preview. */
import { z } from 'zod'

/** Printable columns in font A: 58 mm paper has 32, 80 mm has 48 (384 and 576 dots). */
export const columnsSchema = z.union([z.literal(32), z.literal(48)])
export type Columns = z.infer<typeof columnsSchema>

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
  bold: z.boolean().default(false)
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
