/** HID POS (usage page 0x8C) input reports: one report by its layout, and reassembly of multi-report scans. */
import { choosePosLayout, POS_REPORT_ID, type PosChunk, type PosLayout } from './pos-layouts'

/** A scan longer than this is a runaway stream (continued flag stuck), not a barcode. */
export const MAX_SCAN_BYTES = 8192

/** Decodes one raw report (data[0] is the report id) with the layouts this device may send. */
export function decodeHidPosReport(
  report: Uint8Array,
  layouts: readonly PosLayout[]
): PosChunk | { reason: 'bad-report' | 'unknown-layout'; error: string } {
  if (report[0] !== POS_REPORT_ID)
    return { reason: 'bad-report', error: `report id ${report[0] ?? 'none'} is not a scan report` }
  if (layouts.length === 0) return { reason: 'unknown-layout', error: 'no HID POS layout is known for this device' }
  const chunk = choosePosLayout(report, layouts)
  return 'why' in chunk ? { reason: 'unknown-layout', error: chunk.why } : chunk
}

export interface HidPosState {
  chunks: Buffer[]
  symbology?: string
  /** The layout of the scan's first report: its continuation reports must fit the same one. */
  layout?: PosLayout
  lastAt: number
}

export const initialHidPosState = (): HidPosState => ({ chunks: [], lastAt: 0 })

export type HidPosOutput =
  | { kind: 'scan'; symbology?: string; data: Buffer }
  | {
      kind: 'dropped'
      reason: 'timeout' | 'bad-report' | 'too-long' | 'unknown-layout'
      length: number
      detail?: string
    }

const pending = (s: HidPosState): number => s.chunks.reduce((n, c) => n + c.length, 0)

/**
 * Feeds one report at time `at` (ms). A continued scan whose next report arrives later than
 * `timeoutMs` is dropped: the scanner was unplugged mid-scan or a report was lost.
 */
export function hidPosStep(
  state: HidPosState,
  report: Uint8Array,
  at: number,
  timeoutMs: number,
  layouts: readonly PosLayout[]
): { state: HidPosState; out: HidPosOutput[] } {
  const out: HidPosOutput[] = []
  let s = state
  if (s.chunks.length > 0 && at - s.lastAt > timeoutMs) {
    out.push({ kind: 'dropped', reason: 'timeout', length: pending(s) })
    s = initialHidPosState()
  }
  const chunk = decodeHidPosReport(report, s.layout ? [s.layout] : layouts)
  if ('error' in chunk) {
    // Non-scan reports (other report ids) leave a scan in progress alone.
    if (chunk.reason === 'bad-report' || s.chunks.length === 0) {
      out.push({ kind: 'dropped', reason: chunk.reason, length: report.length, detail: chunk.error })
      return { state: s, out }
    }
    // A continuation that fits no layout breaks the scan: its first part alone is not the code.
    out.push({ kind: 'dropped', reason: chunk.reason, length: pending(s) + report.length, detail: chunk.error })
    return { state: initialHidPosState(), out }
  }
  const chunks = [...s.chunks, chunk.data]
  const symbology = s.symbology ?? chunk.symbology
  const total = pending({ chunks, lastAt: at })
  if (total > MAX_SCAN_BYTES) {
    out.push({ kind: 'dropped', reason: 'too-long', length: total })
    return { state: initialHidPosState(), out }
  }
  if (chunk.continued) return { state: { chunks, symbology, layout: chunk.layout, lastAt: at }, out }
  out.push({ kind: 'scan', symbology, data: Buffer.concat(chunks) })
  return { state: initialHidPosState(), out }
}

/** Called from a timer when no report arrived: drops a continued scan that never finished. */
export function hidPosFlush(
  state: HidPosState,
  at: number,
  timeoutMs: number
): { state: HidPosState; out: HidPosOutput[] } {
  if (state.chunks.length === 0 || at - state.lastAt <= timeoutMs) return { state, out: [] }
  return { state: initialHidPosState(), out: [{ kind: 'dropped', reason: 'timeout', length: pending(state) }] }
}
