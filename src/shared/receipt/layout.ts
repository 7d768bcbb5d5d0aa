/** Lays a receipt model out for its paper width: wrapping, row padding, transliteration. */
import { type PrintedItem, type PrintedLine, blankLine } from './printed'
import { type Receipt, type ReceiptInput, type ReceiptItem, receiptSchema } from './receipt-model'
import { toPrintable } from './transliterate'

/**
 * Hardware hazard: the cutter sits above the print head, so the last printed line must be fed
 * past the blade before GS V or the cut goes through the text. Four lines suits common 58 and
 * 80 mm mechanisms; Epson's own "feed and cut" uses a similar distance.
 */
export const FEED_BEFORE_CUT = 4

/**
 * Splits text into lines of at most `width` characters, at spaces where possible; lines after the
 * first start with `hang` spaces (a hanging indent) and hold that much less.
 */
export function wrapText(text: string, width: number, hang = 0): string[] {
  const indent = hang < width ? hang : 0
  const words = text.split(' ').filter((w) => w.length > 0)
  const lines: string[] = []
  const room = (): number => (lines.length === 0 ? width : width - indent)
  const push = (line: string): number => lines.push(lines.length === 0 ? line : ' '.repeat(indent) + line)
  let current = ''
  for (let word of words) {
    if (current && current.length + 1 + word.length <= room()) {
      current += ` ${word}`
      continue
    }
    if (current) push(current)
    // A word longer than a line (never an amount, which fits any paper) is cut where it must be.
    for (let r = room(); word.length > r; r = room()) {
      push(word.slice(0, r))
      word = word.slice(r)
    }
    current = word
  }
  if (current || lines.length === 0) push(current)
  return lines
}

function textLine(text: string, attrs: Partial<PrintedLine> = {}): PrintedLine {
  if (text === '') return blankLine()
  return { ...blankLine(), ...attrs, text }
}

/** Label left, value right; a long label wraps and the value joins its last line if it fits. */
function rowLines(label: string, value: string, columns: number, bold: boolean, hang: number): PrintedLine[] {
  const labels = label ? wrapText(label, columns, hang) : []
  const values = value ? wrapText(value, columns) : []
  const last = labels.pop() ?? ''
  const lines = labels.map((l) => textLine(l, { bold }))
  const firstValue = values.shift() ?? ''
  if (last.length + 1 + firstValue.length <= columns || !last || !firstValue) {
    lines.push(textLine(last + firstValue.padStart(columns - last.length), { bold }))
  } else {
    lines.push(textLine(last, { bold }), textLine(firstValue.padStart(columns), { bold }))
  }
  for (const v of values) lines.push(textLine(v.padStart(columns), { bold }))
  return lines.map((l) => ({ ...l, text: l.text.trimEnd() }))
}

function layoutItem(item: ReceiptItem, columns: number): PrintedItem[] {
  switch (item.type) {
    case 'text': {
      const { align, bold, size } = item
      return wrapText(toPrintable(item.text), Math.floor(columns / size)).map((t) =>
        textLine(t, { align, bold, width: size, height: size })
      )
    }
    case 'separator': {
      const ch = toPrintable(item.char).charAt(0) || '-'
      return [textLine(ch.repeat(columns))]
    }
    case 'row':
      return rowLines(toPrintable(item.label).trim(), toPrintable(item.value).trim(), columns, item.bold, item.hang)
    case 'qr':
      return [{ type: 'qr', data: item.data, align: item.align, size: item.size }]
    case 'feed':
      return Array.from({ length: item.lines }, blankLine)
    case 'cut':
      return [...Array.from({ length: FEED_BEFORE_CUT }, blankLine), { type: 'cut', partial: item.partial }]
    case 'drawer':
      return [{ type: 'pulse', pin: 2 }]
  }
}

/** The exact items a printer should print for this receipt, in order. */
export function layoutReceipt(input: Receipt | ReceiptInput): PrintedItem[] {
  const receipt = receiptSchema.parse(input)
  return receipt.items.flatMap((item) => layoutItem(item, receipt.columns))
}
