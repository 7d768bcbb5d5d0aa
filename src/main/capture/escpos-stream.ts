/**
 * Walks the ESC/POS bytes a POS sends, chunk by chunk, the way a printer's parser does: status
 * requests (DLE EOT n, GS a n) are taken out and reported, bulk data (raster images, barcodes,
 * QR and graphics blocks) is stepped over so its bytes are never read as commands, and the
 * offset of every paper cut in the print data is kept.
 */

export type StatusRequest = { kind: 'eot'; n: number } | { kind: 'asb'; n: number }

const DLE = 0x10
const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c

/** ESC commands whose fixed parameter bytes must be stepped over (ESC/POS reference; most take one). */
// prettier-ignore
const ESC_PARAMS: Record<number, number> = {
  0x20: 1, 0x21: 1, 0x24: 2, 0x25: 1, 0x2d: 1, 0x33: 1, 0x3d: 1, 0x3f: 1, 0x44: 0, 0x45: 1, 0x47: 1, 0x4a: 1,
  0x4b: 1, 0x4d: 1, 0x52: 1, 0x54: 1, 0x55: 1, 0x56: 1, 0x5c: 2, 0x61: 1, 0x63: 2, 0x64: 1, 0x65: 1, 0x70: 3,
  0x72: 1, 0x74: 1, 0x7b: 1
}
// prettier-ignore
const GS_PARAMS: Record<number, number> = {
  0x21: 1, 0x24: 2, 0x42: 1, 0x48: 1, 0x49: 1, 0x4c: 2, 0x50: 2, 0x57: 2, 0x5c: 2, 0x62: 1, 0x66: 1, 0x68: 1,
  0x72: 1, 0x77: 1
}

/** Bytes a command needs before its length is known; 0 means it is complete as it stands. */
function headNeed(h: number[]): number {
  const [c, cmd = -1, n = 0] = h
  if (h.length < 2) return 2
  if (c === DLE) return cmd === 0x04 || cmd === 0x05 ? 3 : cmd === 0x14 ? 5 : 2
  if (c === FS) return cmd === 0x43 ? 3 : 2
  if (c === ESC) return cmd === 0x2a ? 5 : 2 + (ESC_PARAMS[cmd] ?? 0)
  // GS
  if (cmd === 0x56) return h.length < 3 ? 3 : n >= 65 ? 4 : 3
  if (cmd === 0x76) return 8 // GS v 0 m xL xH yL yH
  if (cmd === 0x28) return 5 // GS ( fn pL pH
  if (cmd === 0x38) return 7 // GS 8 L p1 p2 p3 p4
  if (cmd === 0x6b) return h.length < 3 ? 3 : n <= 6 ? 3 : 4
  if (cmd === 0x61) return 3
  return 2 + (GS_PARAMS[cmd] ?? 0)
}

export class EscPosStream {
  private head: number[] = []
  private skip = 0
  private untilNul = false
  private length = 0
  /** Offsets in the print data where a cut command (GS V, ESC i, ESC m) starts. */
  readonly cuts: number[] = []

  /** Feeds one chunk; returns its print data (status requests removed) and the requests found. */
  push(chunk: Uint8Array): { data: Uint8Array; requests: StatusRequest[] } {
    const data: number[] = []
    const requests: StatusRequest[] = []
    const emit = (bytes: number[]): void => {
      for (const b of bytes) data.push(b)
      this.length += bytes.length
    }
    for (const b of chunk) {
      if (this.skip > 0) {
        this.skip--
        emit([b])
        continue
      }
      if (this.untilNul) {
        if (b === 0) this.untilNul = false
        emit([b])
        continue
      }
      if (this.head.length === 0) {
        if (b === DLE || b === ESC || b === GS || b === FS) this.head.push(b)
        else emit([b])
        continue
      }
      this.head.push(b)
      if (this.head.length < headNeed(this.head)) continue
      const h = this.head
      this.head = []
      const [c, cmd = 0, n = 0] = h
      if (c === DLE && cmd === 0x04) requests.push({ kind: 'eot', n })
      else if (c === GS && cmd === 0x61) requests.push({ kind: 'asb', n })
      else {
        if ((c === GS && cmd === 0x56) || (c === ESC && (cmd === 0x69 || cmd === 0x6d))) this.cuts.push(this.length)
        emit(h)
        this.afterHead(h)
      }
    }
    return { data: Uint8Array.from(data), requests }
  }

  /** The bytes of an unfinished command at the end of the stream, given back as data. */
  flush(): Uint8Array {
    const rest = Uint8Array.from(this.head)
    this.length += rest.length
    this.head = []
    return rest
  }

  private afterHead(h: number[]): void {
    const [c, cmd = 0, n = 0] = h
    const at = (k: number): number => h[k] ?? 0
    if (c === ESC && cmd === 0x2a) this.skip = (at(3) + at(4) * 256) * (n >= 32 ? 3 : 1)
    if (c !== GS) return
    if (cmd === 0x76) this.skip = (at(4) + at(5) * 256) * (at(6) + at(7) * 256)
    if (cmd === 0x28) this.skip = at(3) + at(4) * 256
    if (cmd === 0x38) this.skip = at(3) + at(4) * 0x100 + at(5) * 0x10000 + at(6) * 0x1000000
    if (cmd === 0x6b) {
      if (n <= 6) this.untilNul = true
      else this.skip = at(3)
    }
  }
}

/** Offsets of the cuts in a whole job's print data. */
export function cutOffsets(bytes: Uint8Array): number[] {
  const s = new EscPosStream()
  s.push(bytes)
  return s.cuts
}
