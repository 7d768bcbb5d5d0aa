/**
 * What a printer answers to the status requests a POS sends, from the real printer's last known
 * state: DLE EOT n (one byte) and GS a automatic status back (four bytes), as Epson documents them.
 */
import type { PrinterStatus } from '../../shared/receipt/printer-status'

const stopped = (s: PrinterStatus): boolean =>
  s.state === 'offline' || s.state === 'paper-out' || s.state === 'disconnected' || s.online === false

/** DLE EOT n: 0x12 baseline; n=1 bit 3 offline; n=2 bit 2 cover, bit 5 paper end; n=4 bits 2-3 near end, 5-6 end. */
export function eotAnswer(s: PrinterStatus, n: number): number {
  const paperOut = s.paper === 'out' || s.state === 'paper-out'
  if (n === 1) return 0x12 | (stopped(s) ? 0x08 : 0)
  if (n === 2) return 0x12 | (s.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0)
  if (n === 4) return 0x12 | (paperOut ? 0x60 : 0) | (s.paper === 'near-end' ? 0x0c : 0)
  return 0x12
}

/**
 * GS a ASB: byte 1 bit 3 offline, bit 4 fixed, bit 5 cover open; byte 2 errors (none known);
 * byte 3 bits 0-1 roll near end, bits 2-3 roll end; byte 4 nothing to report.
 */
export function asbAnswer(s: PrinterStatus): Uint8Array {
  const paperOut = s.paper === 'out' || s.state === 'paper-out'
  const first = 0x10 | (stopped(s) ? 0x08 : 0) | (s.coverOpen ? 0x20 : 0)
  const third = (s.paper === 'near-end' ? 0x03 : 0) | (paperOut ? 0x0c : 0)
  return Uint8Array.of(first, 0x00, third, 0x00)
}
