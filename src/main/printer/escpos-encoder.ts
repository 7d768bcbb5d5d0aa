/** Receipt model to ESC/POS bytes, through @point-of-sale/receipt-printer-encoder. */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder'
import { z } from 'zod'
import { layoutReceipt, wrapText } from '../../shared/receipt/layout'
import type { PrintedItem } from '../../shared/receipt/printed'
import { type Receipt, type ReceiptInput, printableDots } from '../../shared/receipt/receipt-model'
import type { PrinterProfile } from './printer-models'
import { type QrErrorLevel, qrModuleSize } from './qr-fit'

/** Code pages we select explicitly; `codepage('auto')` would switch pages mid-line per model. */
export const encoderOptionsSchema = z.object({
  codepage: z.enum(['cp437', 'cp858', 'cp850', 'windows1252']).default('cp858'),
  /** Which ESC t numbering the printer uses (a mapping of the encoder's database); clones differ from Epson. */
  codepageMapping: z.string().min(1).default('epson'),
  /** QR error correction level: m tolerates a smudged thermal print without getting big. */
  qrErrorLevel: z.enum(['l', 'm', 'q', 'h']).default('m'),
  /** What the printer has: without QR the link prints as text, without a cutter or drawer those are left out. */
  qr: z.boolean().default(true),
  cutter: z.boolean().default(true),
  drawer: z.boolean().default(true)
})
export type EncoderOptions = z.input<typeof encoderOptionsSchema>
type Options = z.infer<typeof encoderOptionsSchema>

/** The encoder options a printer profile implies. */
export function encoderOptionsFor(profile: PrinterProfile): EncoderOptions {
  const { codepage, codepageMapping, qr, cutter, drawer } = profile
  return { codepage, codepageMapping, qr, cutter, drawer }
}

const ALIGN_BYTE = { left: 0, center: 1, right: 2 } as const

// ESC p m t1 t2: 100 ms on, 500 ms off (t x 2 ms), within what drawer solenoids tolerate.
const pulseBytes = (pin: 2 | 5): Uint8Array => Uint8Array.of(0x1b, 0x70, pin === 5 ? 1 : 0, 0x32, 0xfa)

function emit(enc: ReceiptPrinterEncoder, item: PrintedItem, opts: Options, chunks: Uint8Array[]): void {
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
    case 'qr': {
      enc.raw([0x1b, 0x61, ALIGN_BYTE[item.align]])
      if (!opts.qr) {
        for (const text of wrapText(item.data, enc.columns)) enc.text(text).newline()
        return
      }
      const level: QrErrorLevel = opts.qrErrorLevel
      const size = qrModuleSize(item.data, item.size ?? 6, printableDots(enc.columns), level)
      enc.qrcode(item.data, { model: 2, size, errorlevel: level })
      return
    }
    case 'cut':
      // GS V m by hand: the library's cut() adds a line feed after it, a blank line atop the next ticket.
      if (opts.cutter) enc.raw([0x1d, 0x56, item.partial ? 1 : 0])
      return
    case 'pulse':
      if (!opts.drawer) return
      // The library flushes a pulse as a line of its own, which feeds a blank line of paper;
      // take what is encoded so far and put the 5 pulse bytes between the chunks instead.
      chunks.push(enc.encode(), pulseBytes(item.pin))
      return
    case 'image':
      throw new Error('escpos-encoder: images are not part of the receipt model')
  }
}

/** Encodes a receipt for a printer: ESC @, FS ., the chosen code page, lines, QR, cut (and nothing after it). */
export function encodeReceipt(receipt: Receipt | ReceiptInput, options: EncoderOptions = {}): Uint8Array {
  const opts = encoderOptionsSchema.parse(options)
  const items = layoutReceipt(receipt)
  const columns = receipt.columns
  const enc = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: opts.codepageMapping as 'epson',
    newline: '\n',
    // Layout already adds the feed before the cut, so the decoded lines match it exactly.
    feedBeforeCut: 0
  })
  // initialize() emits ESC @ then FS . (leave Chinese double-byte mode, common on Asian printers).
  enc.initialize().codepage(opts.codepage)
  const chunks: Uint8Array[] = []
  for (const item of items) emit(enc, item, opts, chunks)
  chunks.push(enc.encode())
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
