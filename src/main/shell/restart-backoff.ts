/**
 * How long to wait before bringing a dead renderer back. A renderer that dies as soon as it
 * loads must not spin the CPU reloading, so each failure in a streak doubles the wait, up to a
 * cap; the streak ends once the renderer has stayed up a while. There is no attempt limit: an
 * unattended kiosk left blank forever is worse than one more reload a minute, and whatever
 * killed it (memory pressure, a driver) often passes.
 */

export interface BackoffOptions {
  /** The first wait of a streak. */
  baseMs: number
  /** The longest wait, however long the streak. */
  maxMs: number
  /** A failure this long after the previous one starts a new streak. */
  resetAfterMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, resetAfterMs: 120_000 }

export class RestartBackoff {
  private streak = 0
  private lastAt = Number.NEGATIVE_INFINITY

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF) {}

  /** Records a failure at `now`; returns its place in the streak and the wait before the restart. */
  next(now: number): { attempt: number; delayMs: number } {
    this.streak = now - this.lastAt > this.opts.resetAfterMs ? 1 : this.streak + 1
    this.lastAt = now
    // 2^30 already exceeds any cap; clamping the exponent keeps the product finite.
    const delayMs = Math.min(this.opts.baseMs * 2 ** Math.min(this.streak - 1, 30), this.opts.maxMs)
    return { attempt: this.streak, delayMs }
  }
}
