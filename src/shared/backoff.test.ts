/** The one backoff: its ceiling, its cap and each jitter's range. */
import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff'

describe('backoffDelay', () => {
  const policy = { baseMs: 100, capMs: 1000 }

  it('doubles from base up to the cap without jitter', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { ...policy, jitter: 'none' }))
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000])
    expect(backoffDelay(5000, { baseMs: 0, capMs: 10, jitter: 'none' })).toBe(0) // no Infinity * 0
  })

  it('full jitter spans [0, ceiling); equal jitter [ceiling / 2, ceiling]', () => {
    expect(backoffDelay(3, { ...policy, jitter: 'full' }, () => 0)).toBe(0)
    expect(backoffDelay(3, { ...policy, jitter: 'full' }, () => 0.999)).toBe(399)
    expect(backoffDelay(3, { ...policy, jitter: 'equal' }, () => 0)).toBe(200)
    expect(backoffDelay(3, { ...policy, jitter: 'equal' }, () => 1)).toBe(400)
    expect(backoffDelay(40, { ...policy, jitter: 'equal' }, () => 0.5)).toBe(750)
  })
})
