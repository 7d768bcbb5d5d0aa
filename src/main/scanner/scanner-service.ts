/** Scanner service: finds the device for a spec, keeps it open across unplugs, and emits scan and status events. */
import { EventEmitter } from 'node:events'
import { planDecoder } from './decoder-plan'
import { describeDevice, matchDevice, type DeviceMatch, type HidScannerSpec } from './device-match'
import { parseReportDescriptor, type DescriptorSummary } from './report-descriptor'
import {
  createReportDecoder,
  DEFAULT_TIMEOUT_MS,
  redactScan,
  type DecoderOutput,
  type ReportDecoder
} from './report-decoder'
import { udevHint } from './udev-hint'
import {
  DevicePermissionError,
  type DeviceBackend,
  type DeviceInfo,
  type ScanDropped,
  type ScanEvent,
  type ScannerDevice,
  type ScannerStatus
} from './scanner-types'

export interface ScannerServiceOptions {
  spec: HidScannerSpec
  backend: DeviceBackend
  /** Hot-plug poll interval. hidapi has no plug notifications, so we list devices this often. */
  pollMs?: number
  /** Inter-report timeout that drops partial scans. */
  timeoutMs?: number
  now?: () => number
  log?: (line: string) => void
}

export type ScannerServiceEvents = { scan: [ScanEvent]; status: [ScannerStatus]; dropped: [ScanDropped] }

export class ScannerService extends EventEmitter<ScannerServiceEvents> {
  private device: { handle: ScannerDevice; info: DeviceInfo; decoder: ReportDecoder } | undefined
  private current: ScannerStatus = { state: 'stopped' }
  private pollTimer: NodeJS.Timeout | undefined
  private flushTimer: NodeJS.Timeout | undefined
  private running = false
  private polling: Promise<void> | undefined
  private readonly pollMs: number
  private readonly timeoutMs: number
  private readonly now: () => number
  private readonly log: (line: string) => void

  constructor(private readonly opts: ScannerServiceOptions) {
    super()
    this.pollMs = opts.pollMs ?? 2000
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.now = opts.now ?? Date.now
    this.log = opts.log ?? (() => {})
  }

  status(): ScannerStatus {
    return this.current
  }

  /** Starts polling; the first look happens at once. Resolves after that first look. */
  start(): Promise<void> {
    if (this.running) return this.polling ?? Promise.resolve()
    this.running = true
    return this.poll()
  }

  async stop(): Promise<void> {
    this.running = false
    clearTimeout(this.pollTimer)
    await this.polling
    await this.closeDevice()
    this.setStatus({ state: 'stopped' })
  }

  /** One hot-plug check now (also the "retry" button). Concurrent calls share one run. */
  poll(): Promise<void> {
    this.polling ??= this.check().finally(() => {
      this.polling = undefined
      if (this.running) {
        clearTimeout(this.pollTimer)
        this.pollTimer = setTimeout(() => void this.poll(), this.pollMs)
      }
    })
    return this.polling
  }

  private async check(): Promise<void> {
    let list: DeviceInfo[]
    try {
      list = await this.opts.backend.list()
    } catch (err) {
      // libusb/libudev missing or enumeration failed: nothing can be opened until that is fixed.
      return this.setStatus({ state: 'not-found', error: String((err as Error).message ?? err) })
    }
    if (!this.running) return
    if (this.device) {
      // A read error normally tells us first; a vanished path catches backends that stay silent.
      if (list.some((d) => d.path === this.device?.info.path)) return
      const info = this.device.info
      await this.closeDevice()
      this.setStatus({ state: 'disconnected', device: info })
    }
    const match = matchDevice(this.opts.spec, list)
    if (!match)
      return this.setStatus({ state: 'not-found', hint: 'Connect the scanner (USB, HID POS or the configured ids).' })
    try {
      const plan = planDecoder(match, this.opts.spec, await this.descriptor(match))
      const handle = await this.opts.backend.open(match.device)
      if (!this.running) return void (await handle.close())
      if (this.opts.spec.kind === 'hid' && this.opts.spec.redirect) await this.redirect(handle)
      this.attach(handle, match.device, createReportDecoder(plan, this.timeoutMs))
      this.log(`scanner: opened ${describeDevice(match.device)} in ${match.mode} mode: ${plan.basis}`)
      if (plan.refusal) this.log(`scanner: every report will be dropped: ${plan.refusal}`)
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      if (err instanceof DevicePermissionError) {
        return this.setStatus({ state: 'permission-denied', device: match.device, hint: udevHint(match.device), error })
      }
      this.setStatus({ state: 'disconnected', device: match.device, error })
    }
  }

  /** The interface's report descriptor, when the platform has one and it parses; sizes are never guessed from a bad one. */
  private async descriptor(match: DeviceMatch): Promise<DescriptorSummary | undefined> {
    const bytes = await this.opts.backend.reportDescriptor(match.device)
    if (!bytes) return undefined
    try {
      return parseReportDescriptor(bytes)
    } catch (err) {
      this.log(`scanner: report descriptor ignored: ${(err as Error).message}`)
      return undefined
    }
  }

  /**
   * Honeywell "Redirect Output" (USB Interfaces User's Guide, HID POS, p. 1-12): feature report
   * 0xFE with the HID POS interface number, 1 in the composite keyboard + HID POS model. The guide
   * says to send it at start-up and ignore an error: a pure HID POS device does not have it.
   */
  private async redirect(handle: ScannerDevice): Promise<void> {
    try {
      await handle.sendFeatureReport([0xfe, 0x01])
      this.log('scanner: sent Honeywell redirect-output feature report (0xFE, interface 1)')
    } catch (err) {
      this.log(`scanner: redirect-output feature report refused, ignored: ${(err as Error).message}`)
    }
  }

  private attach(handle: ScannerDevice, info: DeviceInfo, decoder: ReportDecoder): void {
    this.device = { handle, info, decoder }
    handle.on('data', (data) => {
      if (this.device?.handle === handle) this.deliver(decoder.push(data, this.now()), decoder)
    })
    handle.on('error', (err) => void this.onDeviceError(handle, err))
    this.setStatus({ state: 'connected', device: info })
  }

  private async onDeviceError(handle: ScannerDevice, err: Error): Promise<void> {
    if (this.device?.handle !== handle) return
    const info = this.device.info
    await this.closeDevice()
    this.setStatus({ state: 'disconnected', device: info, error: err.message })
    // Reopen on the next poll, not at once: a device that errors on every read would spin.
  }

  private deliver(out: DecoderOutput[], decoder: ReportDecoder): void {
    for (const o of out) {
      if (o.type === 'scan') {
        this.log(`scanner: scan ${redactScan(o.scan)}`)
        this.emit('scan', o.scan)
      } else {
        const why = o.dropped.detail ? `: ${o.dropped.detail}` : ''
        this.log(`scanner: dropped ${o.dropped.source} ${o.dropped.reason} (${o.dropped.length})${why}`)
        this.emit('dropped', o.dropped)
      }
    }
    clearTimeout(this.flushTimer)
    const deadline = decoder.deadline()
    if (deadline !== null) {
      this.flushTimer = setTimeout(
        () => this.deliver(decoder.flush(this.now()), decoder),
        Math.max(0, deadline - this.now())
      )
    }
  }

  private async closeDevice(): Promise<void> {
    clearTimeout(this.flushTimer)
    const d = this.device
    this.device = undefined
    await d?.handle.close()
  }

  private setStatus(next: ScannerStatus): void {
    const key = (s: ScannerStatus): string => `${s.state}|${s.device?.path ?? ''}|${s.error ?? ''}`
    if (key(next) === key(this.current)) return
    this.current = next
    this.log(
      `scanner: ${next.state}${next.device ? ` ${describeDevice(next.device)}` : ''}${next.error ? `: ${next.error}` : ''}`
    )
    this.emit('status', next)
  }
}

/** Creates (does not start) the service for a HID spec. */
export const createScannerService = (opts: ScannerServiceOptions): ScannerService => new ScannerService(opts)
