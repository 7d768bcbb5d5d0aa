/** DLE EOT real-time status: the request bytes and how to read the printer's answers. */
import type { PrinterStatus } from '../../shared/receipt/printer-status'

/** DLE EOT n: 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export const dleEot = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n)

/**
 * Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear (0x12 is the baseline);
 * anything else is not a status byte (e.g. stray data from a confused printer).
 */
export const isStatusByte = (b: number): boolean => (b & 0x93) === 0x12

export interface StatusBytes {
  /** Answer to DLE EOT 1: bit 3 = offline. */
  printer?: number | undefined
  /** Answer to DLE EOT 2: bit 2 = cover open, bit 5 = stopped by paper end, bit 6 = error. */
  offlineCause?: number | undefined
  /** Answer to DLE EOT 4: bits 2-3 (0x0C) = near end, bits 5-6 (0x60) = paper end. */
  paper?: number | undefined
}

/** Combines whichever answers arrived into one status; a missing answer leaves a field unknown. */
export function statusFromBytes(bytes: StatusBytes): PrinterStatus {
  const ok = (b: number | undefined): b is number => b !== undefined && isStatusByte(b)
  const paperEnd =
    (ok(bytes.paper) && (bytes.paper & 0x60) !== 0) || (ok(bytes.offlineCause) && (bytes.offlineCause & 0x20) !== 0)
  const nearEnd = ok(bytes.paper) && (bytes.paper & 0x0c) !== 0
  const paper = paperEnd ? 'out' : nearEnd ? 'near-end' : ok(bytes.paper) ? 'ok' : 'unknown'
  const online = ok(bytes.printer) ? (bytes.printer & 0x08) === 0 : null
  const coverOpen = ok(bytes.offlineCause) ? (bytes.offlineCause & 0x04) !== 0 : null
  const error = ok(bytes.offlineCause) && (bytes.offlineCause & 0x40) !== 0
  if (paper === 'out') return { state: 'paper-out', online, coverOpen, paper, detail: 'paper out' }
  if (coverOpen) return { state: 'offline', online, coverOpen, paper, detail: 'cover open' }
  if (error)
    return { state: 'offline', online, coverOpen, paper, detail: 'printer error (cutter jam or head temperature?)' }
  if (online === false) return { state: 'offline', online, coverOpen, paper, detail: 'offline' }
  if (online === null && paper === 'unknown')
    return { state: 'connected', online, coverOpen, paper, detail: 'no status answer' }
  return { state: 'ok', online, coverOpen, paper, ...(paper === 'near-end' ? { detail: 'paper near end' } : {}) }
}
