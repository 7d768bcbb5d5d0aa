/** Scanner domain entry: builds the service for a validated spec; the host wires its events to IPC/HTTP. */
import { createNodeHidBackend } from './hid-device'
import { createScannerService, type ScannerService } from './scanner-service'
import type { ScannerSpec } from './scanner-spec'
import type { DeviceBackend } from './scanner-types'

export { parseScannerSpec, scannerSpecSchema, formatScannerSpec, type ScannerSpec } from './scanner-spec'
export {
  ScannerService,
  createScannerService,
  type ScannerServiceEvents,
  type ScannerServiceOptions
} from './scanner-service'
export { redactScan } from './report-decoder'
export { UDEV_RULES_FILE, udevHint } from './udev-hint'
export * from './scanner-types'

export interface SetupScannerOptions {
  /** Defaults to node-hid; tests pass a FakeHidBackend. */
  backend?: DeviceBackend
  pollMs?: number
  timeoutMs?: number
  log?: (line: string) => void
}

/**
 * The service for a HID spec, or null for `wedge` (the renderer captures keystrokes) and `none`.
 * Not started: call `start()` once listeners are attached, `stop()` on quit.
 */
export function createScanner(spec: ScannerSpec, options: SetupScannerOptions = {}): ScannerService | null {
  if (spec.kind === 'wedge' || spec.kind === 'none') return null
  return createScannerService({
    spec,
    backend: options.backend ?? createNodeHidBackend(),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.log ? { log: options.log } : {})
  })
}
