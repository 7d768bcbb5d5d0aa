/** Receipt timestamps in Asia/Jakarta local time (WIB), as `dd/mm/yyyy HH:MM`. */

// WIB is UTC+7 all year (no daylight saving since 1964), so a fixed offset is exact and does not
// depend on the ICU time zone data of the runtime (Electron renderer vs Node).
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000

const two = (n: number): string => String(n).padStart(2, '0')

/** Formats an instant as Jakarta wall-clock time; throws on an invalid date. */
export function formatJakarta(instant: Date | string | number): string {
  const ms = new Date(instant).getTime()
  if (Number.isNaN(ms)) throw new RangeError(`formatJakarta: invalid date: ${String(instant)}`)
  const d = new Date(ms + WIB_OFFSET_MS)
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}
