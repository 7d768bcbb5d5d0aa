import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ShellContents } from './electron-shapes'
import { RestartBackoff } from './restart-backoff'
import { HANG_GRACE_MS, watchRenderer, type WatchdogOptions } from './renderer-watchdog'

/** A WebContents that only emits the events the watchdog follows. */
class FakeContents extends EventEmitter {
  setWindowOpenHandler = vi.fn()
  closeDevTools = vi.fn()
  toggleDevTools = vi.fn()
  forcefullyCrashRenderer = vi.fn()
  isDestroyed = (): boolean => false
}

function setup(quitting = false) {
  const contents = new FakeContents()
  const state = { quitting }
  const opts = {
    load: vi.fn(),
    kill: vi.fn(),
    isQuitting: () => state.quitting,
    log: vi.fn<(line: string) => void>(),
    backoff: new RestartBackoff({ baseMs: 1_000, maxMs: 8_000, resetAfterMs: 60_000 })
  } satisfies WatchdogOptions
  const dog = watchRenderer(contents as unknown as ShellContents, opts)
  const gone = (reason = 'crashed', exitCode = 139): boolean =>
    contents.emit('render-process-gone', {}, { reason, exitCode })
  return { contents, opts, dog, gone, state }
}

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

describe('renderer watchdog', () => {
  it('reloads a crashed renderer after the backoff, and logs it', () => {
    const { opts, gone } = setup()
    gone('crashed', 139)
    expect(opts.load).not.toHaveBeenCalled()
    vi.advanceTimersByTime(999)
    expect(opts.load).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(opts.load).toHaveBeenCalledTimes(1)
    expect(opts.log).toHaveBeenCalledWith(
      'shell: renderer gone (crashed, exit code 139); reloading in 1000 ms (attempt 1)'
    )
  })

  it('backs off a renderer that crashes as soon as it is reloaded, up to the cap', () => {
    const { opts, gone } = setup()
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      gone('oom', 0)
      const before = Date.now()
      while (opts.load.mock.calls.length === i) vi.advanceTimersByTime(100)
      waits.push(Date.now() - before)
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    expect(opts.log).toHaveBeenCalledTimes(6)
  })

  it('keeps one reload pending however many failures arrive meanwhile', () => {
    const { contents, opts, gone } = setup()
    gone('crashed')
    gone('killed')
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///x/index.html', true)
    vi.advanceTimersByTime(10_000)
    expect(opts.load).toHaveBeenCalledTimes(1)
    expect(opts.log).toHaveBeenLastCalledWith(expect.stringContaining('a reload is already scheduled'))
  })

  it('does not bring the renderer back while the app quits', () => {
    const { opts, gone, state } = setup()
    state.quitting = true
    gone('clean-exit', 0)
    vi.advanceTimersByTime(120_000)
    expect(opts.load).not.toHaveBeenCalled()
  })

  it('drops a scheduled reload when the app starts quitting before it fires', () => {
    const { opts, gone, state } = setup()
    gone('crashed')
    state.quitting = true
    vi.advanceTimersByTime(120_000)
    expect(opts.load).not.toHaveBeenCalled()
  })

  it('restarts a renderer still hung after the grace period: kills it, then reloads it', () => {
    const { contents, opts, gone } = setup()
    contents.emit('unresponsive')
    vi.advanceTimersByTime(HANG_GRACE_MS - 1)
    expect(opts.kill).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(opts.kill).toHaveBeenCalledTimes(1)
    // Electron reports the killed renderer gone: the reload already pending covers it.
    gone('killed', 9)
    vi.advanceTimersByTime(1_000)
    expect(opts.load).toHaveBeenCalledTimes(1)
    expect(opts.log.mock.calls.map((c) => c[0])).toEqual([
      `shell: renderer unresponsive; restarting it if still hung in ${HANG_GRACE_MS} ms`,
      `shell: renderer still unresponsive after ${HANG_GRACE_MS} ms; reloading in 1000 ms (attempt 1)`,
      'shell: renderer gone (killed, exit code 9); a reload is already scheduled'
    ])
  })

  it('leaves a renderer alone that recovers within the grace period', () => {
    const { contents, opts } = setup()
    contents.emit('unresponsive')
    vi.advanceTimersByTime(HANG_GRACE_MS / 2)
    contents.emit('responsive')
    vi.advanceTimersByTime(HANG_GRACE_MS * 4)
    expect(opts.kill).not.toHaveBeenCalled()
    expect(opts.load).not.toHaveBeenCalled()
    expect(opts.log).toHaveBeenLastCalledWith('shell: renderer responsive again')
  })

  it('retries a main-frame page that failed to load, but not a sub-frame nor our own cancelled navigation', () => {
    const { contents, opts } = setup()
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://example.com/', true)
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://ads.example/', false)
    vi.advanceTimersByTime(60_000)
    expect(opts.load).not.toHaveBeenCalled()
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'file:///app/out/renderer/index.html', true)
    vi.advanceTimersByTime(1_000)
    expect(opts.load).toHaveBeenCalledTimes(1)
    expect(opts.log).toHaveBeenCalledWith(
      'shell: page failed to load (-6 ERR_FILE_NOT_FOUND) from file:///app/out/renderer/index.html; reloading in 1000 ms (attempt 1)'
    )
  })

  it('cancels everything on dispose (the window closed)', () => {
    const { contents, opts, dog, gone } = setup()
    gone('crashed')
    contents.emit('unresponsive')
    dog.dispose()
    vi.advanceTimersByTime(120_000)
    expect(opts.load).not.toHaveBeenCalled()
    expect(opts.kill).not.toHaveBeenCalled()
  })
})
