import { describe, expect, it } from 'vitest'
import { WedgeDetector, type WedgeDecision } from './wedge-detector'

/** Feeds a string as keydowns `gap` ms apart starting at `t0`; '\n' is Enter. */
function feed(d: WedgeDetector, text: string, gap: number, t0 = 1000): WedgeDecision[] {
  return [...text].map((ch, i) => d.key({ key: ch === '\n' ? 'Enter' : ch, timeStamp: t0 + i * gap }))
}

describe('WedgeDetector', () => {
  it('takes a fast burst ending in Enter as a scan and swallows every key of it', () => {
    const d = new WedgeDetector()
    const out = feed(d, '1234567890123\n', 8)
    expect(out.every((o) => o.swallow)).toBe(true)
    expect(out.filter((o) => o.release)).toEqual([])
    expect(out.at(-1)).toEqual({ swallow: true, scan: '1234567890123' })
    expect(d.deadline()).toBeNull()
  })
  it('ignores Shift keydowns inside a scan (capitals and @ in an email)', () => {
    const d = new WedgeDetector()
    const keys = ['Shift', 'M', 'e', 'm', 'Shift', '@', 'x', '.', 'i', 'd', 'Enter']
    const out = keys.map((key, i) => d.key({ key, timeStamp: 2000 + i * 5 }))
    expect(out[0]).toEqual({ swallow: false })
    expect(out.at(-1)).toEqual({ swallow: true, scan: 'Mem@x.id' })
  })
  it('gives typing back: slow keys are released one by one, and Enter passes', () => {
    const d = new WedgeDetector()
    const out = feed(d, '0812\n', 150)
    expect(out.map((o) => o.release)).toEqual([undefined, '0', '8', '1', '2'])
    expect(out.at(-1)).toEqual({ swallow: false, release: '2' })
    expect(out.some((o) => o.scan)).toBe(false)
  })
  it('releases held keys on the idle deadline', () => {
    const d = new WedgeDetector({ maxGapMs: 40 })
    feed(d, 'ab', 10)
    expect(d.deadline()).toBe(1000 + 10 + 41)
    expect(d.idle(1040)).toBeUndefined()
    expect(d.idle(1051)).toBe('ab')
    expect(d.deadline()).toBeNull()
  })
  it('treats a fast burst shorter than minLength as typing', () => {
    const d = new WedgeDetector({ minLength: 4 })
    const out = feed(d, 'ab\n', 5)
    expect(out.at(-1)).toEqual({ swallow: false, release: 'ab' })
  })
  it('does not call it a scan when Enter comes late after a burst', () => {
    const d = new WedgeDetector()
    feed(d, '123456', 5)
    expect(d.key({ key: 'Enter', timeStamp: 1000 + 25 + 200 })).toEqual({ swallow: false, release: '123456' })
  })
  it('releases on editing keys, shortcuts and key repeat, and passes them', () => {
    const d = new WedgeDetector()
    d.key({ key: 'a', timeStamp: 0 })
    expect(d.key({ key: 'Backspace', timeStamp: 10 })).toEqual({ swallow: false, release: 'a' })
    d.key({ key: 'b', timeStamp: 20 })
    expect(d.key({ key: 'v', ctrlKey: true, timeStamp: 30 })).toEqual({ swallow: false, release: 'b' })
    expect(d.key({ key: 'c', repeat: true, timeStamp: 40 })).toEqual({ swallow: false })
    expect(d.key({ key: 'x', isComposing: true, timeStamp: 50 })).toEqual({ swallow: false })
  })
  it('splits a slow prefix from a following scan', () => {
    const d = new WedgeDetector()
    const first = d.key({ key: 'q', timeStamp: 0 })
    expect(first).toEqual({ swallow: true })
    const out = feed(d, '2000000000002\n', 3, 500)
    expect(out[0]).toEqual({ swallow: true, release: 'q' })
    expect(out.at(-1)).toEqual({ swallow: true, scan: '2000000000002' })
  })
  it('accepts a magstripe track burst with configured Tab suffix', () => {
    const d = new WedgeDetector({ suffixes: ['Enter', 'Tab'] })
    const track = ';6009990000000123=2812?'
    const out = [...track].map((key, i) => d.key({ key, timeStamp: i * 2 }))
    expect(out.every((o) => o.swallow)).toBe(true)
    expect(d.key({ key: 'Tab', timeStamp: track.length * 2 })).toEqual({ swallow: true, scan: track })
  })
})
