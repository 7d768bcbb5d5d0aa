/** Receipt model to ESC/POS bytes, through @point-of-sale/receipt-printer-encoder. */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { z } from 'zod'
import { layoutReceipt } from '../../shared/receipt/layout'
import type { PrintedItem } from '../../shared/receipt/printed'
import type { Receipt, ReceiptInput } from '../../shared/receipt/receipt-model'

/** Code pages we select explicitly; `codepage('auto')` would switch pages mid-line per model. */
export const encoderOptionsSchema = z.object({
  codepage: z.enum(['cp437', 'cp858', 'cp850', 'windows1252']).default('cp858'),
  /** Which ESC t numbering the printer uses; cheap 58 mm clones differ from Epson. */
  codepageMapping: z.enum(['epson', 'xprinter', 'pos-5890', 'pos-8360', 'citizen', 'star', 'bixolon']).default('epson'),
  /** QR error correction level: m tolerates a smudged thermal print without getting big. */
  qrErrorLevel: z.enum(['l', 'm', 'q', 'h']).default('m')
})
export type EncoderOptions = z.input<typeof encoderOptionsSchema>

const ALIGN_BYTE = { left: 0, center: 1, right: 2 } as const

// ESC p m t1 t2: 100 ms on, 500 ms off (t x 2 ms), within what drawer solenoids tolerate.
const pulseBytes = (pin: 2 | 5): Uint8Array => Uint8Array.of(0x1b, 0x70, pin === 5 ? 1 : 0, 0x32, 0xfa)

function emit(
  enc: ReceiptPrinterEncoder,
  item: PrintedItem,
  qrErrorLevel: 'l' | 'm' | 'q' | 'h',
  chunks: Uint8Array[]
): void {
  switch (item.type) {
    case 'line':
      if (item.text === '') {
        enc.newline()
        return
      }
      // The library aligns by padding with spaces; we send ESC a instead so the printer aligns
      // and the bytes decode back to the same text (the decoder is the tests' oracle).
      enc.raw([0x1b, 0x61, ALIGN_BYTE[item.align]])
      if (item.bold) enc.bold(true)
      if (item.underline) enc.underline(true)
      if (item.width > 1 || item.height > 1) enc.size(item.width, item.height)
      enc.text(item.text)
      if (item.width > 1 || item.height > 1) enc.size(1, 1)
      if (item.underline) enc.underline(false)
      if (item.bold) enc.bold(false)
      enc.newline()
      return
    case 'qr':
      enc.raw([0x1b, 0x61, ALIGN_BYTE[item.align]])
      enc.qrcode(item.data, { model: 2, size: item.size ?? 6, errorlevel: qrErrorLevel })
      return
    case 'cut':
      enc.cut(item.partial ? 'partial' : 'full')
      return
    case 'pulse':
      // The library flushes a pulse as a line of its own, which feeds a blank line of paper;
      // take what is encoded so far and put the 5 pulse bytes between the chunks instead.
      chunks.push(enc.encode(), pulseBytes(item.pin))
      return
    case 'image':
      throw new Error('escpos-encoder: images are not part of the receipt model')
  }
}

/** Encodes a receipt for a printer: ESC @, FS ., the chosen code page, lines, QR, cut. */
export function encodeReceipt(receipt: Receipt | ReceiptInput, options: EncoderOptions = {}): Uint8Array {
  const opts = encoderOptionsSchema.parse(options)
  const items = layoutReceipt(receipt)
  const columns = receipt.columns
  const enc = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: opts.codepageMapping,
    newline: '\n',
    // Layout already adds the feed before the cut, so the decoded lines match it exactly.
    feedBeforeCut: 0
  })
  // initialize() emits ESC @ then FS . (leave Chinese double-byte mode, common on Asian printers).
  enc.initialize().codepage(opts.codepage)
  const chunks: Uint8Array[] = []
  for (const item of items) emit(enc, item, opts.qrErrorLevel, chunks)
  chunks.push(enc.encode())
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
