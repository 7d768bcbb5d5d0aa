import { afterEach, describe, expect, it, vi } from 'vitest'
import { CircuitBreaker, type BreakerState } from './circuit-breaker'

afterEach(() => {
  vi.useRealTimers()
})

function breaker(openMs = 1_000) {
  let t = 0
  const b = new CircuitBreaker({ failureThreshold: 3, openMs, now: () => t })
  const states: BreakerState[] = []
  b.on('change', (s) => states.push(s))
  return { b, states, advance: (ms: number) => (t += ms) }
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive connection failures; an answer in between starts the count again', () => {
    const { b, states } = breaker()
    b.failed()
    b.failed()
    b.succeeded()
    b.failed()
    b.failed()
    expect(b.state).toBe('closed')
    expect(b.downSignal.aborted).toBe(false)
    b.failed()
    expect(b.state).toBe('open')
    expect(b.downSignal.aborted).toBe(true)
    expect(b.admit()).toBe(false)
    expect(states).toEqual(['open'])
  })

  it('lets exactly one probe out once the open period ends, and closes on its answer', () => {
    const { b, states, advance } = breaker()
    for (let i = 0; i < 3; i++) b.failed()
    const downWhileOpen = b.downSignal
    advance(999)
    expect(b.admit()).toBe(false)
    advance(1)
    expect(b.admit()).toBe(true)
    expect(b.state).toBe('half-open')
    expect(b.admit()).toBe(false)
    b.succeeded()
    expect(b.state).toBe('closed')
    expect(b.admit()).toBe(true)
    // A fresh signal for the next outage; the old one stays aborted.
    expect(downWhileOpen.aborted).toBe(true)
    expect(b.downSignal.aborted).toBe(false)
    expect(states).toEqual(['open', 'half-open', 'closed'])
  })

  it('opens again for a full period when the probe fails; late failures while open change nothing', () => {
    const { b, states, advance } = breaker()
    for (let i = 0; i < 3; i++) b.failed()
    advance(1_000)
    expect(b.admit()).toBe(true)
    b.failed()
    expect(b.state).toBe('open')
    b.failed()
    advance(999)
    expect(b.admit()).toBe(false)
    advance(1)
    expect(b.admit()).toBe(true)
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open'])
  })

  it('lets a probe out at once when a person asks to try again', () => {
    const { b } = breaker(60_000)
    for (let i = 0; i < 3; i++) b.failed()
    expect(b.admit()).toBe(false)
    b.hurry()
    expect(b.admit()).toBe(true)
    expect(b.admit()).toBe(false)
  })

  it("says when a probe is due, and a throwing listener never reaches the caller's request", () => {
    vi.useFakeTimers()
    const b = new CircuitBreaker({ failureThreshold: 1, openMs: 5_000 })
    const due = vi.fn()
    b.on('probe-due', due)
    b.on('change', () => {
      throw new Error('listener bug')
    })
    // No host logger in a unit test: logError writes to stderr.
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(() => b.failed()).not.toThrow()
    vi.advanceTimersByTime(4_999)
    expect(due).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(due).toHaveBeenCalledTimes(1)
    expect(quiet).toHaveBeenCalledWith(expect.stringContaining("a circuit breaker 'change' listener threw"))
    quiet.mockRestore()
  })
})
