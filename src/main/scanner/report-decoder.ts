/** Turns one device's raw report stream into scan events: picks the HID POS, keyboard or MagTek reducer and keeps its state. */
import { isMagstripeText, maskPan, parseMagstripe } from '../../shared/member-id'
import { planForMode, type DecoderPlan } from './decoder-plan'
import { hidPosFlush, hidPosStep, initialHidPosState, type HidPosOutput } from './hid-pos-decoder'
import {
  initialKeyboardState,
  keyboardFlush,
  keyboardPending,
  keyboardStep,
  type KeyboardOutput
} from './keyboard-decoder'
import { decodeMagtekReport } from './magtek-decoder'
import { scanBytesToText } from './scan-text'
import type { ScanDropped, ScanEvent } from './scanner-types'
import { toHex } from './scanner-types'
import type { ScannerMode } from './scanner-spec'

export type DecoderOutput = { type: 'scan'; scan: ScanEvent } | { type: 'dropped'; dropped: ScanDropped }

export interface ReportDecoder {
  push(report: Uint8Array, at: number): DecoderOutput[]
  /** Expires a partial scan; call at {@link ReportDecoder.deadline}. */
  flush(at: number): DecoderOutput[]
  /** When a partial scan will time out (ms), or null when idle. */
  deadline(): number | null
}

/**
 * Keyboard-mode scanners send a report every 1-10 ms; 300 ms without one means the scan is over
 * (cable pulled, or a suffix-less scanner). HID POS continuation reports follow within a few ms.
 */
export const DEFAULT_TIMEOUT_MS = 300

/** A magstripe text is complete once its last track closed with `?`, even without an Enter suffix. */
const magstripeComplete = (text: string): boolean => isMagstripeText(text) && text.endsWith('?')

const dropped = (d: ScanDropped): DecoderOutput => ({ type: 'dropped', dropped: d })

/** A MagTek swipe is one report: decoded whole, or dropped whole. Track data never goes into `raw`. */
function createMsrDecoder(): ReportDecoder {
  return {
    push(report) {
      const r = decodeMagtekReport(report)
      if ('error' in r)
        return [dropped({ source: 'magstripe', reason: 'unknown-layout', length: report.length, detail: r.error })]
      return [{ type: 'scan', scan: { source: 'magstripe', text: r.text } }]
    },
    flush: () => [],
    deadline: () => null
  }
}

/** Every report refused with the plan's reason (the descriptor ruled out every documented layout). */
function createRefusingDecoder(source: ScanDropped['source'], refusal: string): ReportDecoder {
  return {
    push: (report) => [dropped({ source, reason: 'unknown-layout', length: report.length, detail: refusal })],
    flush: () => [],
    deadline: () => null
  }
}

function createPosDecoder(plan: DecoderPlan, timeoutMs: number): ReportDecoder {
  let pos = initialHidPosState()
  let raw: string[] = []
  const fromPos = (out: HidPosOutput[]): DecoderOutput[] =>
    out.map((o) => {
      if (o.kind === 'dropped')
        return dropped({ source: 'hid-pos', reason: o.reason, length: o.length, ...(o.detail && { detail: o.detail }) })
      const scan: ScanEvent = { source: 'hid-pos', text: scanBytesToText(o.data), raw: raw.join(' ') }
      if (o.symbology) scan.symbology = o.symbology
      return { type: 'scan', scan }
    })
  return {
    push(report, at) {
      const f = hidPosFlush(pos, at, timeoutMs)
      pos = f.state
      const expired = fromPos(f.out)
      if (pos.chunks.length === 0) raw = []
      raw.push(toHex(report))
      const r = hidPosStep(pos, report, at, timeoutMs, plan.layouts)
      pos = r.state
      return [...expired, ...fromPos(r.out)]
    },
    flush(at) {
      const r = hidPosFlush(pos, at, timeoutMs)
      pos = r.state
      return fromPos(r.out)
    },
    deadline: () => (pos.chunks.length > 0 ? pos.lastAt + timeoutMs + 1 : null)
  }
}

function createKeyboardDecoder(plan: DecoderPlan, timeoutMs: number): ReportDecoder {
  let kb = initialKeyboardState()
  let raw: string[] = []
  let idle = true
  const kbOpts = { timeoutMs, complete: magstripeComplete, ...(plan.keyboardFrame && { frame: plan.keyboardFrame }) }
  const fromKeyboard = (out: KeyboardOutput[]): DecoderOutput[] =>
    out.map((o) => {
      if (o.kind === 'dropped')
        return dropped({
          source: 'keyboard',
          reason: o.reason,
          length: o.length,
          ...(o.detail && { detail: o.detail })
        })
      // Track data never goes into `raw`: the hex of keyboard reports is the track itself.
      if (isMagstripeText(o.text)) return { type: 'scan', scan: { source: 'magstripe', text: o.text } }
      return { type: 'scan', scan: { source: 'keyboard', text: o.text, raw: raw.join(' ') } }
    })
  return {
    push(report, at) {
      const e = keyboardFlush(kb, at, kbOpts)
      kb = e.state
      const expired = fromKeyboard(e.out)
      // Idle (no text, nothing held, not even Shift): the release after a terminator starts no scan.
      if (!keyboardPending(kb) && kb.down.length === 0 && idle) raw = []
      idle = report.every((b, i) => b === 0 || (i === 0 && report.length === 9))
      raw.push(toHex(report))
      const r = keyboardStep(kb, report, at, kbOpts)
      kb = r.state
      return [...expired, ...fromKeyboard(r.out)]
    },
    flush(at) {
      const r = keyboardFlush(kb, at, kbOpts)
      kb = r.state
      return fromKeyboard(r.out)
    },
    deadline: () => (keyboardPending(kb) ? kb.lastAt + timeoutMs + 1 : null)
  }
}

/** Creates the decoder for one open device, from its plan (or a bare mode: HID POS layout by contents). */
export function createReportDecoder(
  planOrMode: DecoderPlan | ScannerMode,
  timeoutMs = DEFAULT_TIMEOUT_MS
): ReportDecoder {
  const plan = typeof planOrMode === 'string' ? planForMode(planOrMode) : planOrMode
  const source = plan.mode === 'pos' ? 'hid-pos' : plan.mode === 'msr' ? 'magstripe' : 'keyboard'
  if (plan.refusal) return createRefusingDecoder(source, plan.refusal)
  if (plan.mode === 'msr') return createMsrDecoder()
  if (plan.mode === 'pos') return createPosDecoder(plan, timeoutMs)
  return createKeyboardDecoder(plan, timeoutMs)
}

/** One log line for a scan without personal or card data: source, symbology, length and a masked tail. */
export function redactScan(scan: ScanEvent): string {
  const sym = scan.symbology ? ` ${scan.symbology}` : ''
  if (scan.source === 'magstripe') {
    const t = parseMagstripe(scan.text)
    const pan = t.track2?.pan ?? t.track1?.pan
    const tracks = [t.track1 && 'track1', t.track2 && 'track2'].filter(Boolean).join('+') || 'no tracks'
    return `magstripe ${tracks}${pan ? ` PAN ${maskPan(pan)}` : ''}${t.error ? ' read-error' : ''}`
  }
  // Member ids are personal data: keep only enough of the tail to match a log line to a complaint.
  const tail = scan.text.length > 8 ? ` …${scan.text.slice(-4)}` : ''
  return `${scan.source}${sym} len=${scan.text.length}${tail}`
}
