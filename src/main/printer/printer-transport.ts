/** The transport interface every printer connection implements, and its typed error. */
import type { DiskFault } from '../../platform/fs/disk-errors'
import type { PrinterState, PrinterStatus } from '../../shared/receipt/printer-status'

export interface WriteContext {
  /** Names the files of the file: transport; other transports ignore it. */
  jobId?: number | string
}

export interface PrinterTransport {
  /** Human-readable target, e.g. `tcp://10.0.0.5:9100`. */
  readonly description: string
  /**
   * Sends one whole job. Throws PrinterError. Transports that can read status back check it
   * first and throw `paper-out`/`offline` without sending anything.
   */
  write(bytes: Uint8Array, context?: WriteContext): Promise<void>
  /** Reads the printer status; transports that cannot read back answer `connected`. */
  status(): Promise<PrinterStatus>
  close(): Promise<void>
}

/** Why a write did not happen; `io` means bytes may have been partly sent. */
export type PrinterErrorCode = Exclude<PrinterState, 'ok' | 'connected'> | 'io'

export class PrinterError extends Error {
  override readonly name = 'PrinterError'
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    /** False when the printer may already have received part or all of the job. */
    readonly nothingSent = true,
    /** The job could not be saved to this computer's disk (the receipts folder): full or failing. */
    readonly diskFault: DiskFault | null = null
  ) {
    super(message)
  }
}

/** Maps a node system error (ECONNREFUSED, ENOENT, EACCES...) to a PrinterError. */
export function fromSystemError(err: unknown, target: string, nothingSent: boolean): PrinterError {
  if (err instanceof PrinterError) return err
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? ''
  const text = err instanceof Error ? err.message : String(err)
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
    return new PrinterError('not-found', `${target}: not found (unplugged or switched off?)`, nothingSent)
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new PrinterError(
      'permission-denied',
      `${target}: permission denied (is the kiosk user in the lp/dialout group?)`,
      nothingSent
    )
  }
  if (
    ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EHOSTDOWN', 'EAI_AGAIN', 'ENOTFOUND'].includes(code)
  ) {
    return new PrinterError('disconnected', `${target}: unreachable (${code})`, nothingSent)
  }
  return new PrinterError(nothingSent ? 'disconnected' : 'io', `${target}: ${text}`, nothingSent)
}

export const CONNECTED_UNKNOWN: PrinterStatus = {
  state: 'connected',
  online: null,
  coverOpen: null,
  paper: 'unknown'
}
