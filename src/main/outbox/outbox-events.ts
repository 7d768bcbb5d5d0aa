/** What the outbox tells listeners and waiting callers once a change of a sale is committed. */
import type { EventEmitter } from 'node:events'
import { diskReport, type DiskPart, type DiskReport } from '../disk/disk-fault'
import type { GroupCheckpoint } from './drain-timing'
import type { OutboxItem, OutboxState, PostedResponse } from './outbox-rows'
import type { OutboxStore } from './outbox-store'
import type { QueuedSale } from './sale-key'
import type { SaleWaiters } from './sale-waiters'

export type OutboxEvents = {
  depth: [{ queued: number; failed: number }]
  change: [
    {
      id: number
      state: OutboxState
      attempts: number
      last_error: string | null
      field_errors: Array<[string, string]>
    }
  ]
  posted: [{ id: number; sale: QueuedSale; response: PostedResponse; duplicate: boolean }]
  /** A write failed for the disk's sake, or one worked again (see disk/disk-health.ts). */
  disk: [DiskReport]
}

/** Reads every fact it announces back from the file: listeners hear what is committed, nothing else. */
export class OutboxSignals {
  constructor(
    private readonly emitter: EventEmitter<OutboxEvents>,
    private readonly store: OutboxStore,
    private readonly waiters: SaleWaiters,
    private readonly flush: GroupCheckpoint
  ) {}

  /** After a commit that moved the sale: a checkpoint soon, then listeners, the depth and waiters. */
  settled(id: number): OutboxItem {
    return this.announce(this.store.get(id)!)
  }

  /** The same, for a row the caller has just read back from its own commit. */
  announce(item: OutboxItem): OutboxItem {
    this.flush.schedule()
    this.change(item)
    this.depth()
    this.waiters.notify(item)
    return item
  }

  /** A send began: its row is 'sending' (not an outcome, so nobody waiting is woken). */
  sending(item: OutboxItem): void {
    this.change(item)
  }

  posted(id: number, response: PostedResponse, duplicate: boolean): void {
    const item = this.settled(id)
    this.fire('posted', { id, sale: item.sale, response, duplicate })
  }

  /** A write of `part` failed: reported when the disk is to blame; true then. */
  diskFailed(part: DiskPart, err: unknown): boolean {
    const report = diskReport(part, err)
    if (report) this.fire('disk', report)
    return report !== null
  }

  /** A write of `part` worked: a part that was failing has recovered. */
  diskWrote(part: DiskPart): void {
    this.fire('disk', { part, fault: null })
  }

  private change(i: OutboxItem): void {
    const { id, state, attempts, last_error, field_errors } = i
    this.fire('change', { id, state, attempts, last_error, field_errors })
  }

  private depth(): void {
    if (this.emitter.listenerCount('depth') > 0) this.fire('depth', this.store.depth())
  }

  // A throwing listener must never reach the drain loop: the sale's state is already committed.
  private fire<K extends keyof OutboxEvents>(event: K, payload: OutboxEvents[K][0]): void {
    try {
      ;(this.emitter.emit as (e: K, p: unknown) => boolean).call(this.emitter, event, payload)
    } catch (err) {
      console.error(`outbox: a '${event}' listener threw`, err)
    }
  }
}
