/** Keeps the always-visible status (upstream, queue, printer, scanner) and announces changes. */
import { EventEmitter } from 'node:events'
import type { Status } from '../../shared/ipc'

type Part<K extends keyof Status> = Partial<Status[K]>

export interface StatusServiceOptions {
  initial: Pick<Status, 'mode' | 'language' | 'idleTimeoutSeconds'> & { embedded: boolean }
  /** Resolves when the upstream answers; rejects otherwise. */
  probe: () => Promise<unknown>
  probeIntervalMs?: number
  now?: () => number
}

/**
 * One object owns the status so that every screen and transport sees the same picture; parts
 * are updated by the services that know them and a change is emitted only when it differs.
 */
export class StatusService extends EventEmitter<{ changed: [Status] }> {
  private status: Status
  private timer: NodeJS.Timeout | undefined
  private probing = false

  constructor(private readonly options: StatusServiceOptions) {
    super()
    const { embedded, ...rest } = options.initial
    this.status = {
      upstream: { reachable: false, embedded, checkedAt: null },
      queue: { pending: 0, failed: 0 },
      printer: { state: 'none', held: 0 },
      scanner: { state: 'none' },
      disk: { state: 'ok', parts: [] },
      ...rest
    }
  }

  get(): Status {
    return this.status
  }

  /** Merges a partial update into one part; emits `changed` when something actually changed. */
  update<K extends 'upstream' | 'queue' | 'printer' | 'scanner' | 'disk'>(key: K, part: Part<K>): void
  update<K extends 'mode' | 'language' | 'idleTimeoutSeconds' | 'restartNeeded' | 'defaultPins'>(
    key: K,
    value: Status[K]
  ): void
  update(key: keyof Status, value: unknown): void {
    const current = this.status[key]
    const next =
      typeof current === 'object' && current !== null && !Array.isArray(current)
        ? { ...current, ...(value as object) }
        : value
    if (JSON.stringify(next) === JSON.stringify(current)) return
    this.status = { ...this.status, [key]: next }
    this.emit('changed', this.status)
  }

  /** Probes the upstream now; a failure marks it unreachable rather than throwing. */
  async probeNow(): Promise<boolean> {
    if (this.probing) return this.status.upstream.reachable
    this.probing = true
    const now = this.options.now ?? Date.now
    try {
      await this.options.probe()
      this.update('upstream', { reachable: true, checkedAt: now() })
      return true
    } catch {
      this.update('upstream', { reachable: false, checkedAt: now() })
      return false
    } finally {
      this.probing = false
    }
  }

  start(): void {
    void this.probeNow()
    this.timer = setInterval(() => void this.probeNow(), this.options.probeIntervalMs ?? 15_000)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
