/** ESC/POS decoder for the subset our encoder emits: the test oracle and the on-screen preview. */
import { decodeByte } from './codepages'
import { type PrintedItem, type PrintedLine, blankLine } from './printed'
import type { Align } from './receipt-model'

export interface DecodedReceipt {
  items: PrintedItem[]
  /** The text lines only, in order. */
  lines: PrintedLine[]
  qr: string[]
  cuts: number
  pulses: number
  /** Last code page selected with ESC t (Epson numbering); null if none. */
  codepage: number | null
  initializes: number
  /** n of each DLE EOT n real-time status request found in the stream. */
  statusRequests: number[]
}

const ALIGNS: Align[] = ['left', 'center', 'right']
const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c
const DLE = 0x10

// Parameter byte counts of ESC and GS commands we do not interpret but must step over.
const ESC_PARAMS: Record<number, number> = {
  0x20: 1,
  0x24: 2,
  0x25: 1,
  0x26: 0,
  0x32: 0,
  0x33: 1,
  0x3d: 1,
  0x3f: 1,
  0x47: 1,
  0x4a: 1,
  0x4b: 1,
  0x4d: 1,
  0x52: 1,
  0x53: 0,
  0x54: 1,
  0x55: 1,
  0x56: 1,
  0x5c: 2,
  0x72: 1,
  0x7b: 1
}
const GS_PARAMS: Record<number, number> = {
  0x42: 1,
  0x48: 1,
  0x49: 1,
  0x4c: 2,
  0x50: 2,
  0x57: 2,
  0x61: 1,
  0x62: 1,
  0x66: 1,
  0x68: 1,
  0x72: 1,
  0x77: 1,
  0x24: 2,
  0x5c: 2
}

/** Decodes printer bytes into printed items. Unknown commands are skipped, never printed. */
export function decodeEscPos(bytes: Uint8Array): DecodedReceipt {
  const out: DecodedReceipt = {
    items: [],
    lines: [],
    qr: [],
    cuts: 0,
    pulses: 0,
    codepage: null,
    initializes: 0,
    statusRequests: []
  }
  const st = { align: 'left' as Align, bold: false, underline: false, width: 1, height: 1, page: 0 }
  let qrData = ''
  let qrSize: number | null = null
  let line: PrintedLine | null = null
  // Our encoder ends a QR, image or cut with LF; that LF closes the item's own line, not a blank one.
  let absorbLf = false
  const b = (k: number): number => bytes[k] ?? 0

  const push = (item: PrintedItem): void => {
    out.items.push(item)
    if (item.type === 'line') out.lines.push(item)
  }
  const printLine = (): void => {
    if (line) push(line)
    else if (absorbLf) absorbLf = false
    else push(blankLine())
    line = null
  }
  const block = (item: PrintedItem): void => {
    if (line) printLine()
    push(item)
    absorbLf = true
  }
  const reset = (): void => {
    Object.assign(st, { align: 'left', bold: false, underline: false, width: 1, height: 1, page: 0 })
    line = null
  }

  let i = 0
  while (i < bytes.length) {
    const c = b(i)
    if (c === 0x0a) {
      printLine()
      i += 1
      continue
    }
    if (c === ESC) {
      const cmd = b(i + 1)
      const n = b(i + 2)
      if (cmd === 0x40) {
        reset()
        out.initializes += 1
        i += 2
        continue
      }
      if (cmd === 0x74) {
        st.page = n
        out.codepage = n
        i += 3
        continue
      }
      if (cmd === 0x61) {
        st.align = ALIGNS[n % 48] ?? 'left'
        i += 3
        continue
      }
      if (cmd === 0x45) {
        st.bold = (n & 1) === 1
        i += 3
        continue
      }
      if (cmd === 0x2d) {
        st.underline = n % 48 !== 0
        i += 3
        continue
      }
      if (cmd === 0x21) {
        Object.assign(st, {
          bold: (n & 0x08) !== 0,
          underline: (n & 0x80) !== 0,
          height: n & 0x10 ? 2 : 1,
          width: n & 0x20 ? 2 : 1
        })
        i += 3
        continue
      }
      if (cmd === 0x64) {
        // ESC d n prints the buffer and feeds n lines: the same as n LFs.
        for (let k = 0; k < n; k++) printLine()
        i += 3
        continue
      }
      if (cmd === 0x70) {
        out.pulses += 1
        push({ type: 'pulse', pin: n % 48 === 1 ? 5 : 2 })
        i += 5
        continue
      }
      if (cmd === 0x69 || cmd === 0x6d) {
        out.cuts += 1
        block({ type: 'cut', partial: true })
        i += 2
        continue
      }
      if (cmd === 0x2a) {
        i += 5 + (b(i + 3) + b(i + 4) * 256) * (n >= 32 ? 3 : 1)
        continue
      }
      i += 2 + (ESC_PARAMS[cmd] ?? 0)
      continue
    }
    if (c === GS) {
      const cmd = b(i + 1)
      const n = b(i + 2)
      if (cmd === 0x21) {
        st.width = ((n >> 4) & 7) + 1
        st.height = (n & 7) + 1
        i += 3
        continue
      }
      if (cmd === 0x56) {
        out.cuts += 1
        block({ type: 'cut', partial: n % 48 === 1 || n === 66 || n === 98 || n === 104 })
        i += n >= 65 ? 4 : 3
        continue
      }
      if (cmd === 0x28) {
        const len = b(i + 3) + b(i + 4) * 256
        const body = bytes.subarray(i + 5, i + 5 + len)
        if (cmd === 0x28 && n === 0x6b && body[0] === 49) {
          const fn = body[1]
          if (fn === 67) qrSize = body[2] ?? null
          if (fn === 80) qrData = Array.from(body.subarray(3), (x) => decodeByte(x, st.page)).join('')
          if (fn === 81) {
            out.qr.push(qrData)
            block({ type: 'qr', data: qrData, align: st.align, size: qrSize })
          }
        }
        i += 5 + len
        continue
      }
      if (cmd === 0x76 && n === 0x30) {
        const w = b(i + 4) + b(i + 5) * 256
        const h = b(i + 6) + b(i + 7) * 256
        block({ type: 'image', widthDots: w * 8, heightDots: h })
        i += 8 + w * h
        continue
      }
      if (cmd === 0x6b) {
        // GS k barcode: function A data is NUL-terminated, function B carries its length.
        if (n <= 6) {
          let k = i + 3
          while (k < bytes.length && b(k) !== 0) k++
          i = k + 1
        } else i += 4 + b(i + 3)
        continue
      }
      i += 2 + (GS_PARAMS[cmd] ?? 0)
      continue
    }
    if (c === FS) {
      i += b(i + 1) === 0x43 ? 3 : 2
      continue
    }
    if (c === DLE) {
      const cmd = b(i + 1)
      if (cmd === 0x04) {
        out.statusRequests.push(b(i + 2))
        i += 3
        continue
      }
      if (cmd === 0x14 && b(i + 2) === 1) {
        out.pulses += 1
        push({ type: 'pulse', pin: b(i + 3) === 1 ? 5 : 2 })
        i += 5
        continue
      }
      i += cmd === 0x05 ? 3 : 2
      continue
    }
    if (c < 0x20 && c !== 0x09) {
      i += 1
      continue
    }
    const ch = c === 0x09 ? ' ' : decodeByte(c, st.page)
    // Epson applies ESC a only at the start of a line, and we report a line's style as at its
    // first character: lines are styled as a whole by our encoder.
    line ??= {
      ...blankLine(),
      align: st.align,
      bold: st.bold,
      underline: st.underline,
      width: st.width,
      height: st.height
    }
    line.text += ch
    absorbLf = false
    i += 1
  }
  if (line) printLine()
  return out
}
