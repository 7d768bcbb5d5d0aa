/**
 * The escalating PIN lockout as plain state changes: 5 wrong PINs lock the till for 30 s; after
 * that every further wrong PIN locks it again for the next step (2 min, 10 min, 30 min, then
 * 1 h at most) until a right PIN clears the ladder.
 *
 * One try per step once the ladder has started (as phones do): with 5 tries per step a 4-digit
 * PIN would fall to a patient guesser at 120 guesses a day; with one it takes 24 a day, over a
 * year for the whole space, while a cashier who mistypes twice waits 2 minutes.
 */
import type { LockoutState } from './lockout-store'

export const LOCKOUT_LADDER_MS: readonly number[] = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000]

/** How long the `lockouts`-th lockout in a row lasts (1-based); the last step repeats. */
export function stepMs(lockouts: number, ladder: readonly number[] = LOCKOUT_LADDER_MS): number {
  return ladder[Math.min(Math.max(lockouts, 1), ladder.length) - 1] ?? 0
}

/** Wrong PINs still allowed before the next lockout. */
export function triesLeft(s: LockoutState, maxTries: number): number {
  return Math.max(0, (s.lockouts === 0 ? maxTries : 1) - s.failures)
}

/** The state after one more wrong PIN at `now`: counted, and locked when no try is left. */
export function afterWrongPin(
  s: LockoutState,
  now: number,
  maxTries: number,
  ladder: readonly number[] = LOCKOUT_LADDER_MS
): LockoutState {
  const counted = { ...s, failures: s.failures + 1 }
  if (triesLeft(counted, maxTries) > 0) return counted
  const lockouts = s.lockouts + 1
  return { failures: 0, lockouts, lockedUntil: now + stepMs(lockouts, ladder) }
}

/**
 * The deadline no later than one step from `now`: a clock set back (or a file written under a
 * wrong clock) must not lock the till for years. A clock set forward ends a lockout early;
 * changing the clock needs the operating system, which the person at the till does not have.
 */
export function clampToClock(
  s: LockoutState,
  now: number,
  ladder: readonly number[] = LOCKOUT_LADDER_MS
): LockoutState {
  const longest = now + stepMs(s.lockouts, ladder)
  return s.lockedUntil > longest ? { ...s, lockedUntil: longest } : s
}
