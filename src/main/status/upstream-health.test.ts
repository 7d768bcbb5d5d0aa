import { describe, expect, it } from 'vitest'
import { UpstreamHealth } from './upstream-health'

describe('UpstreamHealth', () => {
  const clock = (): { now: () => number; advance: (ms: number) => void } => {
    let t = 1_000_000
    return { now: () => t, advance: (ms) => void (t += ms) }
  }

  it('says nothing from fewer outcomes than it needs, then degraded when a fifth or more failed', () => {
    const c = clock()
    const h = new UpstreamHealth({ now: c.now })
    expect(h.record({ status: 'error', seconds: 10 })).toBe(false)
    expect(h.record({ status: 200, seconds: 0.05 })).toBe(false)
    expect(h.record({ status: 200, seconds: 0.05 })).toBe(true)
    for (let i = 0; i < 10; i++) h.record({ status: 200, seconds: 0.05 })
    expect(h.degraded()).toBe(false)
  })

  it('counts 5xx as failed but 4xx (the upstream answered: a refusal) as healthy', () => {
    const h = new UpstreamHealth({ now: clock().now })
    for (let i = 0; i < 5; i++) h.record({ status: 400, seconds: 0.05 })
    expect(h.degraded()).toBe(false)
    h.record({ status: 503, seconds: 0.05 })
    h.record({ status: 502, seconds: 0.05 })
    expect(h.degraded()).toBe(true)
  })

  it('is degraded when half the answers are slow, and recovers once they leave the window', () => {
    const c = clock()
    const h = new UpstreamHealth({ now: c.now, windowMs: 60_000, slowSeconds: 2 })
    h.record({ status: 200, seconds: 3.5 })
    h.record({ status: 200, seconds: 4 })
    expect(h.record({ status: 200, seconds: 0.1 })).toBe(true)
    c.advance(61_000)
    expect(h.degraded()).toBe(false)
  })
})
