import { describe, expect, it } from 'vitest'
import { isStatusByte, statusFromBytes } from './escpos-status'

describe('statusFromBytes', () => {
  it('reads the 0x12 baseline as online with paper', () => {
    expect(statusFromBytes({ printer: 0x12, offlineCause: 0x12, paper: 0x12 })).toEqual({
      state: 'ok',
      online: true,
      coverOpen: false,
      paper: 'ok'
    })
  })

  it('reads paper end (0x72 on DLE EOT 4) as paper-out', () => {
    expect(statusFromBytes({ printer: 0x1a, offlineCause: 0x32, paper: 0x72 })).toMatchObject({
      state: 'paper-out',
      paper: 'out',
      online: false
    })
    expect(statusFromBytes({ paper: 0x72 }).state).toBe('paper-out')
  })

  it('reads near end as ok with a warning, cover open and offline as offline', () => {
    expect(statusFromBytes({ printer: 0x12, paper: 0x1e })).toMatchObject({
      state: 'ok',
      paper: 'near-end',
      detail: 'paper near end'
    })
    expect(statusFromBytes({ printer: 0x1a, offlineCause: 0x16, paper: 0x12 })).toMatchObject({
      state: 'offline',
      coverOpen: true,
      detail: 'cover open'
    })
    expect(statusFromBytes({ printer: 0x1a }).state).toBe('offline')
  })

  it('treats missing or malformed answers as unknown, not as ok', () => {
    expect(statusFromBytes({})).toMatchObject({ state: 'connected', paper: 'unknown', online: null })
    expect(isStatusByte(0xff)).toBe(false)
    expect(statusFromBytes({ printer: 0xff, paper: 0x00 })).toMatchObject({ state: 'connected' })
  })
})
