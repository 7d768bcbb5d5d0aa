/** Turns one device's raw report stream into scan events: picks the HID POS or keyboard reducer and keeps its state. */
import { isMagstripeText, maskPan, parseMagstripe } from '../../shared/member-id'
import { hidPosFlush, hidPosStep, initialHidPosState, type HidPosOutput } from './hid-pos-decoder'
import { initialKeyboardState, keyboardFlush, keyboardStep, type KeyboardOutput } from './keyboard-decoder'
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

/** Creates the decoder for one open device. */
export function createReportDecoder(mode: ScannerMode, timeoutMs = DEFAULT_TIMEOUT_MS): ReportDecoder {
  let pos = initialHidPosState()
  let kb = initialKeyboardState()
  let raw: string[] = []
  let idle = true
  const kbOpts = { timeoutMs, complete: magstripeComplete }

  const fromPos = (out: HidPosOutput[]): DecoderOutput[] =>
    out.map((o) => {
      if (o.kind === 'dropped')
        return { type: 'dropped', dropped: { source: 'hid-pos', reason: o.reason, length: o.length } }
      const scan: ScanEvent = { source: 'hid-pos', text: o.data.toString('latin1'), raw: raw.join(' ') }
      if (o.symbology) scan.symbology = o.symbology
      return { type: 'scan', scan }
    })

  const fromKeyboard = (out: KeyboardOutput[]): DecoderOutput[] =>
    out.map((o) => {
      if (o.kind === 'dropped')
        return { type: 'dropped', dropped: { source: 'keyboard', reason: o.reason, length: o.length } }
      // Track data never goes into `raw`: the hex of keyboard reports is the track itself.
      if (isMagstripeText(o.text)) return { type: 'scan', scan: { source: 'magstripe', text: o.text } }
      return { type: 'scan', scan: { source: 'keyboard', text: o.text, raw: raw.join(' ') } }
    })

  return {
    push(report, at) {
      if (mode === 'pos') {
        const f = hidPosFlush(pos, at, timeoutMs)
        pos = f.state
        const expired = fromPos(f.out)
        if (pos.chunks.length === 0) raw = []
        raw.push(toHex(report))
        const r = hidPosStep(pos, report, at, timeoutMs)
        pos = r.state
        return [...expired, ...fromPos(r.out)]
      }
      const e = keyboardFlush(kb, at, kbOpts)
      kb = e.state
      const expired = fromKeyboard(e.out)
      // Idle (no text, nothing held, not even Shift): the release after a terminator starts no scan.
      if (kb.text.length === 0 && kb.down.length === 0 && idle) raw = []
      idle = report.every((b, i) => b === 0 || (i === 0 && report.length === 9))
      raw.push(toHex(report))
      const r = keyboardStep(kb, report, at, kbOpts)
      kb = r.state
      return [...expired, ...fromKeyboard(r.out)]
    },
    flush(at) {
      if (mode === 'pos') {
        const r = hidPosFlush(pos, at, timeoutMs)
        pos = r.state
        return fromPos(r.out)
      }
      const r = keyboardFlush(kb, at, kbOpts)
      kb = r.state
      return fromKeyboard(r.out)
    },
    deadline() {
      if (mode === 'pos') return pos.chunks.length > 0 ? pos.lastAt + timeoutMs + 1 : null
      return kb.text.length > 0 ? kb.lastAt + timeoutMs + 1 : null
    }
  }
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
