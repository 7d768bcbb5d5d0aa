import { describe, expect, it } from 'vitest'
import { statusBarPart } from './status-bar'

describe('statusBarPart', () => {
  it('passes the state through and tells the person about held jobs', () => {
    const paperOut = {
      state: 'paper-out' as const,
      online: false,
      coverOpen: false,
      paper: 'out' as const,
      detail: 'paper out'
    }
    expect(statusBarPart(paperOut, { held: 2 })).toEqual({
      state: 'paper-out',
      detail: '2 held — retry, reprint or discard',
      held: 2
    })
    expect(statusBarPart({ ...paperOut, state: 'ok', detail: undefined }, { held: 0 })).toEqual({
      state: 'ok',
      held: 0
    })
  })
})
