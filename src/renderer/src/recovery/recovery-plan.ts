/**
 * What the error boundary does after a screen failed to render: re-mount the app a few seconds
 * later (a fresh tree from fresh stores usually renders), and if that keeps failing, reload the
 * page. Reloads back off across page loads (their times live in sessionStorage), so a page that
 * fails the moment it loads reloads less and less often instead of spinning.
 */

export interface RecoveryConfig {
  /** How long the calm "restarting" screen shows before the app is mounted again. */
  remountDelayMs: number
  /** Failures within `crashWindowMs` that re-mounting may answer; one more reloads the page. */
  maxRemounts: number
  crashWindowMs: number
  /** The first reload's wait; doubled for each recovery reload within `reloadWindowMs`, up to the cap. */
  reloadDelayMs: number
  maxReloadDelayMs: number
  reloadWindowMs: number
}

export const RECOVERY: RecoveryConfig = {
  remountDelayMs: 3_000,
  maxRemounts: 2,
  crashWindowMs: 60_000,
  reloadDelayMs: 3_000,
  maxReloadDelayMs: 60_000,
  reloadWindowMs: 10 * 60_000
}

export type RecoveryPlan = { action: 'remount' | 'reload'; delayMs: number }

const within = (times: readonly number[], now: number, windowMs: number): number[] =>
  times.filter((t) => t <= now && now - t <= windowMs)

/** The wait before a recovery reload, given the recovery reloads this tab already made. */
export function planReload(reloads: readonly number[], now: number, cfg: RecoveryConfig = RECOVERY): RecoveryPlan {
  const recent = within(reloads, now, cfg.reloadWindowMs).length
  return { action: 'reload', delayMs: Math.min(cfg.reloadDelayMs * 2 ** Math.min(recent, 20), cfg.maxReloadDelayMs) }
}

/**
 * The answer to a render failure. `crashes`: the times of this page's render failures, this
 * one included; `reloads`: the times of this tab's earlier recovery reloads.
 */
export function planRecovery(
  crashes: readonly number[],
  reloads: readonly number[],
  now: number,
  cfg: RecoveryConfig = RECOVERY
): RecoveryPlan {
  if (within(crashes, now, cfg.crashWindowMs).length <= cfg.maxRemounts)
    return { action: 'remount', delayMs: cfg.remountDelayMs }
  return planReload(reloads, now, cfg)
}

/** Reads a stored list of times; anything unreadable (absent, edited, corrupt) is an empty list. */
export function parseTimes(text: string | null): number[] {
  if (!text) return []
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : []
  } catch {
    return []
  }
}

/** Adds `now` and drops what no plan looks at any more, so the stored list stays short. */
export function appendTime(times: readonly number[], now: number, keepMs: number): number[] {
  return [...within(times, now, keepMs), now]
}
