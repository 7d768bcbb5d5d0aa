/** Renders decoded receipt items as monospace text: the `.txt` preview and the on-screen receipt. */
import type { DecodedReceipt } from './escpos-decoder'
import type { PrintedItem } from './printed'
import type { Columns } from './receipt-model'

function place(text: string, align: 'left' | 'center' | 'right', columns: number): string {
  if (align === 'left' || text.length >= columns) return text
  const free = columns - text.length
  return ' '.repeat(align === 'right' ? free : Math.floor(free / 2)) + text
}

/** One preview line per item; double-width text is spread out so it takes its real room. */
export function previewLines(items: PrintedItem[], columns: Columns): string[] {
  return items.map((item) => {
    switch (item.type) {
      case 'line': {
        const text = item.width > 1 ? item.text.split('').join(' '.repeat(item.width - 1)) : item.text
        return place(text, item.align, columns).trimEnd()
      }
      case 'qr':
        return place(`[QR ${item.data}]`, item.align, columns)
      case 'image':
        return place(`[image ${item.widthDots}x${item.heightDots}]`, 'center', columns)
      case 'cut':
        return `${'- '.repeat(columns / 2 - 3)}✂ cut`
      case 'pulse':
        return '[drawer]'
    }
  })
}

/** The whole receipt as one string, for the file: printer's `.txt` beside each `.bin`. */
export function renderPreview(receipt: DecodedReceipt, columns: Columns): string {
  return `${previewLines(receipt.items, columns).join('\n')}\n`
}
