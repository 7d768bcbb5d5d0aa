/**
 * Capped exponential backoff, the one delay rule behind every retry: Stamps calls, the outbox's
 * resends and the browser UI's reconnect. Pure arithmetic, so main and the renderer share it.
 */

export interface BackoffPolicy {
  baseMs: number
  capMs: number
  /**
   * 'full': uniform in [0, ceiling), so many clients back after one outage spread out.
   * 'equal': uniform in [ceiling / 2, ceiling], spread out yet never retrying at once.
   * 'none': the ceiling itself, for a single client with no crowd to spread.
   */
  jitter: 'full' | 'equal' | 'none'
}

/** The wait before retry number `attempt` (1 = after the first failure): min(cap, base * 2^(attempt - 1)), jittered. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  // The exponent stops at 30: past any cap already, and base * 2^1024 would be Infinity (NaN for base 0).
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)))
  switch (policy.jitter) {
    case 'full':
      return Math.floor(random() * ceiling)
    case 'equal':
      return Math.round(ceiling / 2 + (random() * ceiling) / 2)
    case 'none':
      return ceiling
  }
}
