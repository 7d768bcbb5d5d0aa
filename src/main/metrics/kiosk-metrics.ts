/**
 * The till's Prometheus metrics (prom-client): Node's default process metrics, the counters the
 * domains feed (sales, upstream requests) and gauges read from the live services at each scrape.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { MetricsFeed, UpstreamRequest } from './metrics-feed'

/** What the gauges read at scrape time; each function is cheap (an O(1) query or a cached status). */
export interface MetricsSources {
  outboxDepth(): { pending: number; failed: number }
  /** When the oldest sale still waiting for Stamps was queued (ms since the epoch), or null. */
  oldestPendingAt(): number | null
  printer(): { up: boolean; held: number }
  /** Connected (a keyboard wedge counts); false too when none is configured. */
  scannerUp(): boolean
  upstreamReachable(): boolean
  diskFreeBytes(): number
  now?: () => number
}

const PREFIX = 'stamps_kiosk_'

export class KioskMetrics implements MetricsFeed {
  readonly registry = new Registry()
  private sales: Counter<'outcome'>
  private requests: Counter<'endpoint' | 'status'>
  private durations: Histogram<'endpoint'>
  private sources: MetricsSources | null = null

  constructor() {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry })
    this.sales = new Counter({
      name: `${PREFIX}sales_total`,
      help: 'Sales answered, by outcome (posted, already-posted, queued, failed, discarded).',
      labelNames: ['outcome'],
      registers
    })
    this.requests = new Counter({
      name: `${PREFIX}upstream_requests_total`,
      help: 'Requests to Stamps, by endpoint and HTTP status (error: no answer).',
      labelNames: ['endpoint', 'status'],
      registers
    })
    this.durations = new Histogram({
      name: `${PREFIX}upstream_request_duration_seconds`,
      help: 'Time from sending a request to Stamps to its answer or failure.',
      labelNames: ['endpoint'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    })
    const gauge = (name: string, help: string, read: (s: MetricsSources) => number): void => {
      const g: Gauge = new Gauge({
        name: `${PREFIX}${name}`,
        help,
        registers,
        collect: () => {
          if (this.sources) g.set(read(this.sources))
        }
      })
    }
    gauge('outbox_pending', 'Sales waiting to be sent to Stamps (queued or sending).', (s) => s.outboxDepth().pending)
    gauge(
      'outbox_failed',
      'Sales Stamps refused, waiting for a person to fix or discard.',
      (s) => s.outboxDepth().failed
    )
    gauge('outbox_oldest_pending_seconds', 'Age of the oldest sale waiting for Stamps; 0 when none.', (s) => {
      const at = s.oldestPendingAt()
      return at === null ? 0 : Math.max(0, ((s.now ?? Date.now)() - at) / 1000)
    })
    gauge('print_jobs_held', 'Receipts that could not print, held for a person.', (s) => s.printer().held)
    gauge('printer_up', '1 when the printer answers and can print, else 0.', (s) => Number(s.printer().up))
    gauge('scanner_up', '1 when the scanner is connected (or a keyboard wedge), else 0.', (s) => Number(s.scannerUp()))
    gauge('upstream_up', '1 while Stamps is reachable, else 0.', (s) => Number(s.upstreamReachable()))
    gauge('disk_free_bytes', "Free bytes on the data directory's file system (usable by this user).", (s) =>
      s.diskFreeBytes()
    )
  }

  /** Connects the gauges to the running services (the host does this once they exist). */
  watch(sources: MetricsSources): void {
    this.sources = sources
  }

  saleAnswered(outcome: string): void {
    this.sales.inc({ outcome })
  }

  upstreamRequest({ endpoint, status, seconds }: UpstreamRequest): void {
    this.requests.inc({ endpoint, status: String(status) })
    this.durations.observe({ endpoint }, seconds)
  }

  /** The Prometheus text exposition of every metric. */
  async scrape(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() }
  }
}
