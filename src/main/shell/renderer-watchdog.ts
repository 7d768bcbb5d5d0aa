/**
 * Brings the kiosk's page back when its renderer dies, hangs or fails to load, instead of
 * leaving a blank or frozen window in front of customers. Every recovery goes through one
 * backoff (see restart-backoff.ts) and one pending reload at a time; each event is logged.
 * Electron-free: the shell passes its WebContents and how to load the page.
 */
import type { ShellContents } from './electron-shapes'
import { RestartBackoff } from './restart-backoff'

/** Chromium's ERR_ABORTED: a load we cancelled ourselves (a blocked navigation), not a failure. */
const ERR_ABORTED = -3

export interface WatchdogOptions {
  /** Loads the app's page afresh (after a crash, in a new renderer process). */
  load(): void
  /** Kills the hung renderer so the reload gets a fresh process. */
  kill(): void
  /** True once the app is quitting: a renderer ending then is expected. */
  isQuitting(): boolean
  log(line: string): void
  /** How long a renderer may stay unresponsive before it is restarted. */
  hangGraceMs?: number
  backoff?: RestartBackoff
}

export const HANG_GRACE_MS = 15_000

export class RendererWatchdog {
  private pending: ReturnType<typeof setTimeout> | null = null
  private hang: ReturnType<typeof setTimeout> | null = null
  private readonly backoff: RestartBackoff

  constructor(private readonly opts: WatchdogOptions) {
    this.backoff = opts.backoff ?? new RestartBackoff()
  }

  /** `render-process-gone`: crashed, killed, out of memory, or exited. */
  gone(reason: string, exitCode: number): void {
    this.clearHang()
    if (this.opts.isQuitting()) return
    this.restart(`renderer gone (${reason}, exit code ${exitCode})`)
  }

  /** `unresponsive`: give it a grace period, then restart it if it is still stuck. */
  unresponsive(): void {
    if (this.hang || this.pending || this.opts.isQuitting()) return
    const graceMs = this.opts.hangGraceMs ?? HANG_GRACE_MS
    this.opts.log(`shell: renderer unresponsive; restarting it if still hung in ${graceMs} ms`)
    this.hang = setTimeout(() => {
      this.hang = null
      if (this.opts.isQuitting()) return
      // Schedule first: the kill's own `render-process-gone` then finds the reload pending.
      this.restart(`renderer still unresponsive after ${graceMs} ms`)
      this.opts.kill()
    }, graceMs)
  }

  /** `responsive`: the hang passed by itself. */
  responsive(): void {
    if (!this.hang) return
    this.clearHang()
    this.opts.log('shell: renderer responsive again')
  }

  /** `did-fail-load`: the page itself did not load (main frame only; our own cancels excluded). */
  failedLoad(errorCode: number, description: string, url: string, isMainFrame: boolean): void {
    if (!isMainFrame || errorCode === ERR_ABORTED || this.opts.isQuitting()) return
    this.restart(`page failed to load (${errorCode} ${description}) from ${url}`)
  }

  /** Cancels whatever is scheduled (the window is gone). */
  dispose(): void {
    this.clearHang()
    if (this.pending) clearTimeout(this.pending)
    this.pending = null
  }

  private restart(cause: string): void {
    if (this.pending) {
      this.opts.log(`shell: ${cause}; a reload is already scheduled`)
      return
    }
    const { attempt, delayMs } = this.backoff.next(Date.now())
    this.opts.log(`shell: ${cause}; reloading in ${delayMs} ms (attempt ${attempt})`)
    this.pending = setTimeout(() => {
      this.pending = null
      if (!this.opts.isQuitting()) this.opts.load()
    }, delayMs)
  }

  private clearHang(): void {
    if (this.hang) clearTimeout(this.hang)
    this.hang = null
  }
}

/** Wires a window's renderer events to a watchdog; returns it (dispose it when the window closes). */
export function watchRenderer(contents: ShellContents, opts: WatchdogOptions): RendererWatchdog {
  const dog = new RendererWatchdog(opts)
  contents.on('render-process-gone', (_e, details) => dog.gone(details.reason, details.exitCode))
  contents.on('unresponsive', () => dog.unresponsive())
  contents.on('responsive', () => dog.responsive())
  contents.on('did-fail-load', (_e, code, description, url, isMainFrame) =>
    dog.failedLoad(code, description, url, isMainFrame)
  )
  return dog
}
