/** The one local-day helper: Jakarta by default, other zones through Intl, the same answer either way. */
import { describe, expect, it } from 'vitest'
import { localDay, wallClock } from './local-day'

// Moved from the sandbox ledger's tests with its localDay.
describe('local day', () => {
  it('matches Intl for Jakarta around midnight, and follows other zones', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit'
    })
    for (const ms of [
      Date.UTC(2024, 1, 28, 16, 59, 59, 999),
      Date.UTC(2024, 1, 28, 17),
      Date.UTC(2024, 11, 31, 17),
      0 + Date.UTC(1999, 0, 1)
    ]) {
      expect(localDay(ms)).toBe(fmt.format(ms))
    }
    expect(localDay(Date.UTC(2024, 0, 1, 3), 'America/New_York')).toBe('2023-12-31')
  })
})

describe('localDay, as the outbox keys sales', () => {
  // Moved from the outbox's sale-key tests with its localDate.
  it('keys on the store time zone date', () => {
    expect(localDay(Date.UTC(2024, 1, 29, 16, 30), 'Asia/Jakarta')).toBe('2024-02-29')
  })
})

describe('wallClock', () => {
  it('gives the Jakarta time of day by arithmetic, and the same as Intl before 1964 and in other zones', () => {
    expect(wallClock(Date.UTC(2024, 11, 31, 17, 0, 5))).toEqual({
      year: 2025,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 5
    })
    // Jakarta was UTC+7:30 until 1964: the fixed offset must not be used there.
    expect(wallClock(Date.UTC(1960, 5, 1, 16, 15))).toMatchObject({ day: 1, hour: 23, minute: 45 })
    expect(wallClock(Date.UTC(2024, 2, 1, 16, 0), 'Asia/Makassar')).toMatchObject({ day: 2, hour: 0 })
    expect(wallClock(Date.UTC(2024, 2, 1, 5, 0), 'America/New_York')).toMatchObject({ day: 1, hour: 0 })
  })

  it('refuses an invalid instant', () => {
    expect(() => wallClock(Number.NaN)).toThrow(RangeError)
  })
})
