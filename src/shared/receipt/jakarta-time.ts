/** Receipt timestamps in Asia/Jakarta local time (WIB), as `dd/mm/yyyy HH:MM`. */
import { two, wallClock } from '../local-day'

/** Formats an instant as Jakarta wall-clock time; throws on an invalid date. */
export function formatJakarta(instant: Date | string | number): string {
  const ms = new Date(instant).getTime()
  if (Number.isNaN(ms)) throw new RangeError(`formatJakarta: invalid date: ${String(instant)}`)
  const c = wallClock(ms)
  return `${two(c.day)}/${two(c.month)}/${c.year} ${two(c.hour)}:${two(c.minute)}`
}
