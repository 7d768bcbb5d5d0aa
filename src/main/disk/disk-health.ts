/** Which parts of the data directory cannot write right now: one picture for the status bar and the log. */
import { EventEmitter } from 'node:events'
import type { DiskFault } from '../../platform/fs/disk-errors'
import type { DiskPart, DiskReport } from './disk-fault'

export interface DiskStatus {
  /** 'full' when any part is out of space, else 'failing' when any part has write errors. */
  state: 'ok' | DiskFault
  parts: DiskPart[]
}

const WORDS: Record<DiskPart, string> = {
  outbox: 'the outbox (sales)',
  'outbox-checkpoint': "the outbox's checkpoint",
  'print-queue': 'the print queue',
  receipts: 'the receipts folder',
  settings: 'the settings file'
}

/**
 * Parts report each failed write and each write that worked; a part is failing from its first
 * failed write until its next good one, so it clears by itself once space returns. One log line
 * when a part starts failing and one when it recovers, never one per refused write.
 */
export class DiskHealth extends EventEmitter<{ changed: [DiskStatus]; recovered: [DiskPart] }> {
  private readonly failing = new Map<DiskPart, DiskFault>()

  constructor(private readonly log: (line: string) => void) {
    super()
  }

  readonly report = (r: DiskReport): void => {
    const was = this.failing.get(r.part) ?? null
    if (was === r.fault) return
    if (r.fault) {
      this.failing.set(r.part, r.fault)
      const what = r.fault === 'full' ? 'disk full' : 'disk error'
      this.log(
        `${what}: ${WORDS[r.part]} could not be written (${r.detail ?? r.fault}); free disk space on this computer`
      )
    } else {
      this.failing.delete(r.part)
      this.log(`disk: ${WORDS[r.part]} writes again`)
    }
    this.emit('changed', this.status())
    if (!r.fault) this.emit('recovered', r.part)
  }

  status(): DiskStatus {
    const faults = [...this.failing.values()]
    const state = faults.includes('full') ? 'full' : faults.length > 0 ? 'failing' : 'ok'
    return { state, parts: [...this.failing.keys()].sort() }
  }
}
