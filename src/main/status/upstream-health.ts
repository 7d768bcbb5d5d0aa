/** Judges the upstream from the outcomes of real requests: answering well, degraded (slow or failing), or not. */

export interface RequestOutcome {
  /** The HTTP status the upstream answered, or `error` when no answer came (refused, reset, timed out). */
  status: number | 'error'
  seconds: number
}

export interface UpstreamHealthOptions {
  /** Outcomes older than this no longer count (default 60 s). */
  windowMs?: number
  /** An answer slower than this counts as slow (default 2 s). */
  slowSeconds?: number
  /** Fewer outcomes than this in the window say nothing (default 3). */
  minSamples?: number
  now?: () => number
}

/** The share of failed (no answer or 5xx) or slow answers in the window that makes the upstream degraded. */
const FAILED_SHARE = 0.2
const SLOW_SHARE = 0.5

/**
 * A sliding window over the last minute of requests. Pings alone would call an upstream healthy
 * that answers a ping in 50 ms and times out every sale; this looks at what the till actually got.
 */
export class UpstreamHealth {
  private outcomes: { at: number; failed: boolean; slow: boolean }[] = []
  private readonly windowMs: number
  private readonly slowSeconds: number
  private readonly minSamples: number
  private readonly now: () => number

  constructor(options: UpstreamHealthOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000
    this.slowSeconds = options.slowSeconds ?? 2
    this.minSamples = options.minSamples ?? 3
    this.now = options.now ?? Date.now
  }

  /** Records one request's outcome; returns whether the upstream now counts as degraded. */
  record(outcome: RequestOutcome): boolean {
    const failed = outcome.status === 'error' || outcome.status >= 500
    this.outcomes.push({ at: this.now(), failed, slow: !failed && outcome.seconds > this.slowSeconds })
    return this.degraded()
  }

  /** Slow or failing requests in the last window, given enough of them to judge. */
  degraded(): boolean {
    const since = this.now() - this.windowMs
    this.outcomes = this.outcomes.filter((o) => o.at >= since)
    const n = this.outcomes.length
    if (n < this.minSamples) return false
    const failed = this.outcomes.filter((o) => o.failed).length
    const slow = this.outcomes.filter((o) => o.slow).length
    return failed / n >= FAILED_SHARE || slow / n >= SLOW_SHARE
  }
}
