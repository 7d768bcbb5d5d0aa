/**
 * The metrics domain: points the till's gauges at the live services (the outbox, the status bar,
 * the data directory's disk) and answers readiness from the local stores.
 */
import type { HostContext } from '../host/host-context'
import type { Outbox } from '../outbox'
import type { StatusService } from '../status/status-service'
import type { KioskMetrics } from './kiosk-metrics'
import { checkReadiness, diskFreeBytes, type Readiness } from './readiness'

/** The SQLite files the host keeps in the data directory (outbox/, printer/, balances/, members/; the sandbox). */
const STORES = {
  outbox: 'outbox.sqlite',
  printQueue: 'print-queue.sqlite',
  balances: 'balances.sqlite',
  members: 'members.sqlite'
}

/** Device states the status bar shows for a printer or scanner that works. */
const UP = new Set(['ok', 'connected'])

export interface MetricsDoor {
  readiness(): Readiness
  scrape(): Promise<{ contentType: string; text: string }>
}

export function setupMetrics(
  ctx: HostContext,
  deps: { kiosk: KioskMetrics; outbox: Outbox; status: StatusService; embedded: boolean }
): MetricsDoor {
  const { kiosk, outbox, status } = deps
  kiosk.watch({
    outboxDepth: () => {
      const d = outbox.depth()
      return { pending: d.queued, failed: d.failed }
    },
    oldestPendingAt: () => outbox.oldestPendingAt(),
    printer: () => {
      const p = status.get().printer
      return { up: UP.has(p.state), held: p.held }
    },
    scannerUp: () => UP.has(status.get().scanner.state),
    upstreamReachable: () => status.get().upstream.reachable,
    diskFreeBytes: () => diskFreeBytes(ctx.dataDir)
  })
  const stores = deps.embedded ? { ...STORES, sandbox: 'sandbox.sqlite' } : STORES
  return {
    readiness: () => checkReadiness({ dataDir: ctx.dataDir, stores, upstream: () => status.get().upstream }),
    scrape: () => kiosk.scrape()
  }
}
