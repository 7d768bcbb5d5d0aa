/** Timing pieces of the outbox's drain loop: an interruptible sleep and group checkpoints. */

/** A sleep that `wake()` ends early: a new sale must not wait out the idle poll. */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(1, Math.min(ms, 60_000)))
      function done(): void {
        clearTimeout(timer)
        resolve()
      }
      this.wakeUp = done
    })
  }

  wake(): void {
    const w = this.wakeUp
    this.wakeUp = null
    w?.()
  }
}

/**
 * Group commit: one checkpoint (and fsync) per interval covers every write made in it. A
 * checkpoint that throws (a full or failing disk) is reported and tried again `retryMs` later,
 * never thrown out of the timer, where it would reach the process's last resort.
 */
export class GroupCheckpoint {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly checkpoint: () => void,
    private readonly intervalMs: number,
    private readonly onResult: (err: unknown) => void = () => {},
    private readonly retryMs = 5_000
  ) {}

  schedule(delayMs = this.intervalMs): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      try {
        this.checkpoint()
      } catch (err) {
        this.onResult(err)
        this.schedule(this.retryMs)
        return
      }
      this.onResult(null)
    }, delayMs)
    this.timer.unref()
  }

  /** Cancels the pending checkpoint (the caller checkpoints itself on close). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
