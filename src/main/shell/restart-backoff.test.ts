import { describe, expect, it } from 'vitest'
import { RestartBackoff } from './restart-backoff'

describe('RestartBackoff', () => {
  it('doubles the wait for each failure in a streak, up to the cap', () => {
    const b = new RestartBackoff({ baseMs: 1_000, maxMs: 60_000, resetAfterMs: 120_000 })
    const waits = Array.from({ length: 10 }, (_, i) => b.next(i * 100).delayMs)
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000])
  })

  it('never gives up and never goes below the cap, however long the streak', () => {
    const b = new RestartBackoff({ baseMs: 1_000, maxMs: 60_000, resetAfterMs: 120_000 })
    let last = { attempt: 0, delayMs: 0 }
    for (let i = 0; i < 10_000; i++) last = b.next(i)
    expect(last).toEqual({ attempt: 10_000, delayMs: 60_000 })
  })

  it('starts a new streak once the renderer stayed up longer than resetAfterMs', () => {
    const b = new RestartBackoff({ baseMs: 1_000, maxMs: 60_000, resetAfterMs: 120_000 })
    b.next(0)
    b.next(1_000)
    expect(b.next(3_000)).toEqual({ attempt: 3, delayMs: 4_000 })
    expect(b.next(3_000 + 120_001)).toEqual({ attempt: 1, delayMs: 1_000 })
  })

  it('bounds the CPU of a renderer that dies the moment it loads: at most 15 reloads in 10 minutes', () => {
    // Each reload happens `delayMs` after the crash, and the page crashes again at once.
    const b = new RestartBackoff()
    let now = 0
    let reloads = 0
    while (now < 600_000) {
      now += b.next(now).delayMs
      reloads++
    }
    expect(reloads).toBeLessThanOrEqual(15)
  })
})
