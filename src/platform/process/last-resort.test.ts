import { afterEach, describe, expect, it, vi } from 'vitest'
import { installLastResort, type LastResort } from './last-resort'

/** The listeners it adds are called directly: emitting the real events would reach vitest's own. */
function install(log: (line: string) => void): {
  lr: LastResort
  onException: (err: unknown) => void
  onRejection: (reason: unknown) => void
} {
  const exceptions = new Set(process.listeners('uncaughtException'))
  const rejections = new Set(process.listeners('unhandledRejection'))
  const lr = installLastResort('kiosk', log)
  const onException = process.listeners('uncaughtException').find((l) => !exceptions.has(l))!
  const onRejection = process.listeners('unhandledRejection').find((l) => !rejections.has(l))!
  return {
    lr,
    onException: (err) => onException(err as Error, 'uncaughtException'),
    onRejection: (reason) => onRejection(reason, Promise.resolve())
  }
}

let installed: LastResort | undefined
afterEach(() => {
  installed?.uninstall()
  installed = undefined
  vi.useRealTimers()
})

describe('installLastResort', () => {
  it('logs what failed, with its stack, for an exception and for a rejection', () => {
    const lines: string[] = []
    const { lr, onException, onRejection } = install((l) => void lines.push(l))
    installed = lr
    onException(new Error('socket callback broke'))
    onRejection(new TypeError('a promise nobody awaited'))
    onRejection('a bare string')
    expect(lines[0]).toMatch(
      /^kiosk: uncaught exception, logged and kept serving: Error: socket callback broke\n\s+at /
    )
    expect(lines[1]).toMatch(
      /^kiosk: unhandled promise rejection, logged and kept serving: TypeError: a promise nobody/
    )
    expect(lines[2]).toBe(
      'kiosk: unhandled promise rejection, logged and kept serving: a non-Error value: a bare string'
    )
    expect(lr.caught()).toBe(3)
  })

  it('logs at most 20 a minute and then says how many it left out', () => {
    vi.useFakeTimers()
    const lines: string[] = []
    const { lr, onException } = install((l) => void lines.push(l))
    installed = lr
    for (let i = 0; i < 25; i++) onException(new Error(`loop ${i}`))
    expect(lines).toHaveLength(20)
    vi.advanceTimersByTime(60_000)
    expect(lines[20]).toBe('kiosk: 5 more uncaught error(s) in the last minute were not logged')
    onException(new Error('next minute'))
    expect(lines[21]).toMatch(/next minute/)
    expect(lr.caught()).toBe(26)
  })

  it('survives a log that throws (stderr gone) and removes its listeners on uninstall', () => {
    const before = process.listenerCount('uncaughtException')
    const { lr, onException } = install(() => {
      throw new Error('EPIPE')
    })
    expect(() => onException(new Error('x'))).not.toThrow()
    lr.uninstall()
    expect(process.listenerCount('uncaughtException')).toBe(before)
  })
})
