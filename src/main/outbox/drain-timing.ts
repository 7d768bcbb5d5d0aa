/** Timing pieces of the outbox's drain loop: an interruptible sleep, retry backoff, group checkpoints. */

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

/** Equal jitter: at least half the capped delay, so a retry never fires at once. */
export function equalJitterBackoff(
  attempt: number,
  policy: { baseMs: number; capMs: number },
  random: () => number
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Group commit: one checkpoint (and fsync) per interval covers every write made in it. */
export class GroupCheckpoint {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly checkpoint: () => void,
    private readonly intervalMs: number
  ) {}

  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.checkpoint()
    }, this.intervalMs)
    this.timer.unref()
  }

  /** Cancels the pending checkpoint (the caller checkpoints itself on close). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
