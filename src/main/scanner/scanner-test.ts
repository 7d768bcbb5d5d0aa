/**
 * The admin screen's live scanner test: while open, every read goes to the screens as a
 * `scanner:raw` event with its raw report bytes and what they decoded to. Off otherwise, so
 * member ids never flow to screens that did not ask; it also closes itself after a while.
 */
import type { IpcEventPayload, ScannerView } from '../../shared/ipc'
import { redactScan } from './report-decoder'
import type { ScannerService } from './scanner-service'
import type { ScanDropped, ScanEvent } from './scanner-types'

export interface ScannerTestDeps {
  scanner: ScannerService | null
  /** The spec in force (settings.scanner): `wedge` and `none` have no service in main. */
  spec: string
  send: (payload: IpcEventPayload<'scanner:raw'>) => void
  /** The test stops by itself after this long (default 2 min, the admin session's idle time). */
  timeoutMs?: number
}

export class ScannerTest {
  private timer: NodeJS.Timeout | undefined
  private readonly onScan = (scan: ScanEvent): void =>
    this.deps.send({
      source: scan.source,
      hex: scan.raw ?? '',
      // Card track data is never shown whole, even to an admin: the PAN's last 4 only.
      decoded: scan.source === 'magstripe' ? redactScan(scan) : scan.text,
      ...(scan.symbology && { symbology: scan.symbology })
    })
  private readonly onDropped = (d: ScanDropped): void =>
    this.deps.send({ source: d.source, hex: '', dropped: d.reason, ...(d.detail && { detail: d.detail }) })

  constructor(private readonly deps: ScannerTestDeps) {}

  get testing(): boolean {
    return this.timer !== undefined
  }

  start(): ScannerView {
    const { scanner } = this.deps
    if (scanner && !this.testing) {
      scanner.on('scan', this.onScan).on('dropped', this.onDropped)
      this.timer = setTimeout(() => this.stop(), this.deps.timeoutMs ?? 120_000)
      this.timer.unref()
    }
    return this.view()
  }

  stop(): ScannerView {
    if (this.testing) {
      clearTimeout(this.timer)
      this.timer = undefined
      this.deps.scanner?.off('scan', this.onScan).off('dropped', this.onDropped)
    }
    return this.view()
  }

  view(): ScannerView {
    const { scanner, spec } = this.deps
    if (!scanner) return { spec, state: spec === 'wedge' ? 'wedge' : 'none', testing: false }
    const s = scanner.status()
    return {
      spec,
      state: s.state,
      ...(s.device && {
        device: {
          vendorId: s.device.vendorId,
          productId: s.device.productId,
          ...(s.device.product && { product: s.device.product })
        }
      }),
      ...(s.hint && { hint: s.hint }),
      ...(s.error && { error: s.error }),
      testing: this.testing
    }
  }
}
