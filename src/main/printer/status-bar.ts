/** Maps printer status and queue counts to the status bar's printer part. */
import type { PrinterState, PrinterStatus } from '../../shared/receipt/printer-status'

export interface PrinterStatusPart {
  state: PrinterState
  detail?: string
  held: number
}

/** The status bar shows the printer state, plus how many receipts wait for a person. */
export function statusBarPart(status: PrinterStatus, counts: { held: number }): PrinterStatusPart {
  const detail = counts.held > 0 ? `${counts.held} held — retry, reprint or discard` : status.detail
  return { state: status.state, ...(detail ? { detail } : {}), held: counts.held }
}
