import { describe, expect, it } from 'vitest'
import { appendTime, parseTimes, planRecovery, planReload, RECOVERY } from './recovery-plan'

describe('planRecovery', () => {
  it('re-mounts the app after a few seconds on a first failure', () => {
    expect(planRecovery([1_000], [], 1_000)).toEqual({ action: 'remount', delayMs: 3_000 })
  })

  it('re-mounts again on a second failure within the minute', () => {
    expect(planRecovery([1_000, 5_000], [], 5_000)).toEqual({ action: 'remount', delayMs: 3_000 })
  })

  it('reloads the page when re-mounting keeps failing', () => {
    expect(planRecovery([1_000, 5_000, 9_000], [], 9_000)).toEqual({ action: 'reload', delayMs: 3_000 })
  })

  it('forgets failures older than the window: a kiosk that failed once a day never reloads for it', () => {
    const day = 86_400_000
    expect(planRecovery([0, day, 2 * day], [], 2 * day)).toEqual({ action: 'remount', delayMs: 3_000 })
  })

  it('backs the reload off for each recent recovery reload of this tab, up to a minute', () => {
    const now = 1_000_000
    const crashes = [now - 2, now - 1, now]
    const waits = [0, 1, 2, 3, 4, 5, 8].map(
      (n) =>
        planRecovery(
          crashes,
          Array.from({ length: n }, (_, i) => now - 1_000 * (i + 1)),
          now
        ).delayMs
    )
    expect(waits).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000])
  })

  it('counts only reloads within the reload window', () => {
    const now = 100 * 60_000
    const old = [now - RECOVERY.reloadWindowMs - 1, now - RECOVERY.reloadWindowMs - 2]
    expect(planReload(old, now)).toEqual({ action: 'reload', delayMs: 3_000 })
    expect(planReload([...old, now - 1_000], now)).toEqual({ action: 'reload', delayMs: 6_000 })
  })

  it('bounds a page that fails the moment it loads: a handful of reloads in ten minutes', () => {
    // Each page load fails, re-mounts twice (3 s each), then reloads after the planned wait.
    let now = 0
    let reloads: number[] = []
    let pageLoads = 0
    while (now < 10 * 60_000) {
      pageLoads++
      const crashes: number[] = []
      for (;;) {
        crashes.push(now)
        const plan = planRecovery(crashes, reloads, now)
        now += plan.delayMs
        if (plan.action === 'reload') break
      }
      reloads = appendTime(reloads, now, RECOVERY.reloadWindowMs)
    }
    expect(pageLoads).toBeLessThanOrEqual(15)
  })
})

describe('parseTimes', () => {
  it('reads a stored list and survives anything else', () => {
    expect(parseTimes('[1,2,3]')).toEqual([1, 2, 3])
    expect(parseTimes(null)).toEqual([])
    expect(parseTimes('')).toEqual([])
    expect(parseTimes('not json')).toEqual([])
    expect(parseTimes('{"a":1}')).toEqual([])
    expect(parseTimes('[1,"2",null,3e400]')).toEqual([1])
  })
})

describe('appendTime', () => {
  it('adds now and drops times older than kept', () => {
    expect(appendTime([1, 50, 90], 100, 20)).toEqual([90, 100])
  })
})
