/** Callers waiting for one queued sale's outcome (the bridge answering its POS within a deadline). */
import type { OutboxItem, PostedResponse } from './outbox-rows'

export type SendOutcome =
  | { state: 'posted'; id: number; response: PostedResponse; duplicate: boolean }
  | { state: 'failed'; id: number; fieldErrors: Array<[string, string]>; error: string | null }
  | { state: 'discarded'; id: number }
  /** Not answered within the wait: the sale is safe in the queue and will be sent. */
  | { state: 'pending'; id: number; item: OutboxItem }

export class SaleWaiters {
  private readonly byId = new Map<number, Set<(item: OutboxItem, release?: boolean) => void>>()

  /** The outcome an item already has, or null while it is still queued or sending. */
  static outcomeOf(item: OutboxItem): SendOutcome | null {
    if (item.state === 'posted' && item.response)
      return { state: 'posted', id: item.id, response: item.response, duplicate: item.duplicate }
    if (item.state === 'failed')
      return { state: 'failed', id: item.id, fieldErrors: item.field_errors, error: item.last_error }
    if (item.state === 'discarded') return { state: 'discarded', id: item.id }
    return null
  }

  /**
   * Resolves with the sale's outcome, or `pending` after waitMs, or at once when `giveUp` is
   * (or becomes) aborted: the upstream is known to be down, so waiting could only cost the caller.
   */
  wait(id: number, waitMs: number, current: () => OutboxItem, giveUp?: AbortSignal): Promise<SendOutcome> {
    if (giveUp?.aborted) return Promise.resolve({ state: 'pending', id, item: current() })
    return new Promise((resolve) => {
      const set = this.byId.get(id) ?? new Set()
      this.byId.set(id, set)
      const finish = (outcome: SendOutcome): void => {
        clearTimeout(timer)
        giveUp?.removeEventListener('abort', onGiveUp)
        set.delete(listener)
        if (set.size === 0) this.byId.delete(id)
        resolve(outcome)
      }
      const onGiveUp = (): void => finish({ state: 'pending', id, item: current() })
      // `release`: the outbox is closing; a sale without an outcome is answered pending now,
      // before the timer could read the closed file.
      const listener = (item: OutboxItem, release = false): void => {
        const outcome = SaleWaiters.outcomeOf(item)
        if (outcome) finish(outcome)
        else if (release) finish({ state: 'pending', id, item })
      }
      const timer = setTimeout(() => finish({ state: 'pending', id, item: current() }), waitMs)
      giveUp?.addEventListener('abort', onGiveUp, { once: true })
      set.add(listener)
    })
  }

  notify(item: OutboxItem): void {
    for (const listener of [...(this.byId.get(item.id) ?? [])]) listener(item)
  }

  /** On close: everyone still waiting learns their sale is pending (it is, on disk). */
  releaseAll(read: (id: number) => OutboxItem | undefined): void {
    for (const [id, set] of this.byId) {
      const item = read(id)
      for (const listener of [...set]) if (item) listener({ ...item, state: 'queued' }, true)
    }
  }
}
