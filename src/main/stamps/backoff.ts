/** The Stamps client's retry loop for idempotent calls, on the shared capped backoff with full jitter. */
import { backoffDelay } from '../../shared/backoff'
import type { RetryPolicy } from './client-config'
import { StampsError } from './stamps-error'

/**
 * Full jitter (a uniform wait in [0, min(cap, base * 2^n)]): many kiosks coming back after one
 * outage spread their retries instead of hitting the upstream in lockstep.
 */
export function fullJitterDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>,
  random = Math.random
): number {
  return backoffDelay(attempt, { baseMs: policy.baseMs, capMs: policy.capMs, jitter: 'full' }, random)
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface RetryDeps {
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

/**
 * Runs `call` until it succeeds, fails for a reason a retry cannot fix, or runs out of tries.
 * Only for calls that are safe to repeat: reads, and transactions/add (the invoice number makes
 * a repeat answer "duplicate" rather than post twice).
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps = {}): Promise<T> {
  const wait = deps.sleep ?? sleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (err) {
      const retryable = err instanceof StampsError && err.retryable
      if (!retryable || attempt >= policy.maxAttempts) throw err
      await wait(fullJitterDelay(attempt, policy, deps.random))
    }
  }
}
