/** Feeds service events into the status service and pushes events to the screens. */
import type { Outbox } from '../outbox'
import type { LivePrinter } from '../admin/live-printer'
import { statusBarPart } from '../printer'
import type { ScannerService } from '../scanner'
import type { StatusService } from '../status/status-service'
import type { IpcEvent, IpcEventPayload } from '../../shared/ipc'

/** Pushes a main-to-renderer event to every connected screen (browser host, Electron window). */
export type Broadcast = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void

export interface StatusWiring {
  status: StatusService
  outbox: Outbox
  printer: LivePrinter | null
  scanner: ScannerService | null
  /** The renderer captures scans itself (keyboard wedge): always ready, nothing to open. */
  wedge?: boolean
  broadcast: Broadcast
}

export function wireStatus({ status, outbox, printer, scanner, wedge, broadcast }: StatusWiring): void {
  const depth = (): void => {
    const d = outbox.depth()
    status.update('queue', { pending: d.queued, failed: d.failed })
  }
  outbox.on('depth', depth)
  depth()
  if (printer) {
    printer.on('status', (s) => status.update('printer', statusBarPart(s, { held: printer.counts().held })))
    printer.on('job', () => status.update('printer', { held: printer.counts().held }))
    void printer.status().catch(() => undefined)
  }
  if (wedge) status.update('scanner', { state: 'ok', detail: 'keyboard wedge' })
  if (scanner) {
    scanner.on('status', (s) =>
      status.update('scanner', { state: s.state === 'stopped' ? 'none' : s.state, ...(s.hint && { detail: s.hint }) })
    )
    scanner.on('scan', (scan) =>
      broadcast('scan:received', {
        source: scan.source,
        text: scan.text,
        ...(scan.symbology && { symbology: scan.symbology })
      })
    )
  }
  status.on('changed', (s) => broadcast('status:changed', s))
}
