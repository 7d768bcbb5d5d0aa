/**
 * The upstream circuit breaker: once Stamps is known to be down, callers are told at once
 * instead of each waiting out a connection timeout (a POS waiting seconds per sale for as long
 * as the shop is offline). The Stamps client feeds it the outcome of every request.
 *
 * closed     every call goes out; N consecutive connection-level failures or timeouts open it.
 * open       no call goes out (the client throws kind `offline` at once) for `openMs`; then
 *            'probe-due' fires so the status service can ping, and the next call is the probe.
 * half-open  exactly one call (the probe) is out; an answer of any kind closes it, a
 *            connection-level failure opens it again for another `openMs`.
 *
 * It never decides whether a sale is recorded (that happens before anything is sent) and it
 * never replaces the outbox's own backoff: it only stops callers from waiting on a dead line.
 */
import { EventEmitter, setMaxListeners } from 'node:events'
import { logError } from '../../platform/log/process-log'

export type BreakerState = 'closed' | 'open' | 'half-open'

export interface BreakerOptions {
  /** Consecutive connection-level failures (refused, reset, unreachable, timed out) that open it. */
  failureThreshold?: number
  /** How long it stays open before one call may probe the upstream. */
  openMs?: number
  now?: () => number
}

export const BREAKER_DEFAULTS = { failureThreshold: 3, openMs: 5_000 } as const

/** A controller whose signal any number of waiters may listen to (one per sale waiting). */
function unboundedController(): AbortController {
  const c = new AbortController()
  setMaxListeners(0, c.signal)
  return c
}

export class CircuitBreaker extends EventEmitter<{ change: [BreakerState]; 'probe-due': [] }> {
  private current: BreakerState = 'closed'
  private failures = 0
  private openedAt = 0
  private probeTimer: NodeJS.Timeout | undefined
  private closedPeriod = unboundedController()
  private readonly threshold: number
  private readonly openMs: number
  private readonly now: () => number

  constructor(opts: BreakerOptions = {}) {
    super()
    this.threshold = opts.failureThreshold ?? BREAKER_DEFAULTS.failureThreshold
    this.openMs = opts.openMs ?? BREAKER_DEFAULTS.openMs
    this.now = opts.now ?? Date.now
  }

  get state(): BreakerState {
    return this.current
  }

  /**
   * Aborted from the moment the upstream is known to be down until the breaker closes again (a
   * fresh signal then): whoever waits on the upstream passes it along and stops waiting at once.
   */
  get downSignal(): AbortSignal {
    return this.closedPeriod.signal
  }

  /** Whether a call may go to the upstream now. While half-open only the probe got true. */
  admit(): boolean {
    if (this.current === 'closed') return true
    if (this.current === 'open' && this.now() - this.openedAt >= this.openMs) {
      this.move('half-open')
      return true
    }
    return false
  }

  /** The upstream answered (any HTTP answer, even a refusal: the line works). */
  succeeded(): void {
    this.failures = 0
    if (this.current !== 'closed') {
      clearTimeout(this.probeTimer)
      this.closedPeriod = unboundedController()
      this.move('closed')
    }
  }

  /** A connection-level failure or a timeout. */
  failed(): void {
    if (this.current === 'half-open') return this.open()
    // Open already: a call let out before it opened, finishing late, says nothing new.
    if (this.current === 'open') return
    if (++this.failures >= this.threshold) this.open()
  }

  /**
   * A person asked to try again now ("send now", "check again"): the next call is the probe,
   * rather than telling them "unreachable" for the rest of the open period.
   */
  hurry(): void {
    if (this.current === 'open') this.openedAt = -Infinity
  }

  private open(): void {
    this.openedAt = this.now()
    this.closedPeriod.abort()
    clearTimeout(this.probeTimer)
    this.probeTimer = setTimeout(() => {
      if (this.current === 'open') this.tell('probe-due')
    }, this.openMs)
    this.probeTimer.unref()
    this.move('open')
  }

  private move(next: BreakerState): void {
    if (next === this.current) return
    this.current = next
    this.tell('change', next)
  }

  // The breaker moves inside a Stamps call: a throwing listener must never fail that call.
  private tell(...args: ['change', BreakerState] | ['probe-due']): void {
    try {
      if (args[0] === 'change') this.emit('change', args[1])
      else this.emit('probe-due')
    } catch (err) {
      logError(`stamps: a circuit breaker '${args[0]}' listener threw`, err)
    }
  }
}
