import { describe, expect, it } from 'vitest'
import { createWedgeKeyHandler, type WedgeKeyEvent } from './wedge-key-handler'

/** Plain-object keydown events and a manual clock/timer: no DOM needed. */
function harness() {
  let now = 0
  const timers: Array<{ at: number; fn: () => void; id: number }> = []
  let nextId = 1
  const inserted: string[] = []
  const scans: string[] = []
  const handler = createWedgeKeyHandler({
    onScan: (t) => scans.push(t),
    insertText: (t) => inserted.push(t),
    now: () => now,
    setTimer: (ms, fn) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    }
  })
  const press = (key: string) => {
    const ev = { key, timeStamp: now, prevented: false, stopped: false } as WedgeKeyEvent & {
      prevented: boolean
      stopped: boolean
    }
    ev.preventDefault = () => void (ev.prevented = true)
    ev.stopPropagation = () => void (ev.stopped = true)
    handler.onKeyDown(ev)
    return ev
  }
  const advance = (ms: number) => {
    now += ms
    for (const t of [...timers].sort((a, b) => a.at - b.at)) {
      if (t.at <= now && timers.includes(t)) {
        timers.splice(timers.indexOf(t), 1)
        t.fn()
      }
    }
  }
  return { handler, press, advance, inserted, scans, timers }
}

describe('createWedgeKeyHandler', () => {
  it('prevents default on every key of a scan and delivers it once', () => {
    const h = harness()
    const events = [...'1234567890123'].map((c) => {
      const e = h.press(c)
      h.advance(5)
      return e
    })
    const enter = h.press('Enter')
    expect([...events, enter].every((e) => e.prevented && e.stopped)).toBe(true)
    expect(h.scans).toEqual(['1234567890123'])
    expect(h.inserted).toEqual([])
    expect(h.timers).toHaveLength(0)
  })
  it('types held keys into the field when the idle timer fires', () => {
    const h = harness()
    const e = h.press('a')
    expect(e.prevented).toBe(true)
    h.advance(30)
    expect(h.inserted).toEqual([])
    h.advance(30)
    expect(h.inserted).toEqual(['a'])
    expect(h.timers).toHaveLength(0)
  })
  it('inserts held text before letting an editing key through', () => {
    const h = harness()
    h.press('x')
    h.advance(10)
    const back = h.press('Backspace')
    expect(h.inserted).toEqual(['x'])
    expect(back.prevented).toBe(false)
  })
  it('dispose releases anything still held', () => {
    const h = harness()
    h.press('z')
    h.handler.dispose()
    expect(h.inserted).toEqual(['z'])
    expect(h.timers).toHaveLength(0)
  })
})
