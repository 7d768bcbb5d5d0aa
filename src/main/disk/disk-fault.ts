/** A disk failure as a domain reports it: which part of the data directory, and the refusal its caller gets. */
import { diskFault, type DiskFault } from '../../platform/fs/disk-errors'
import { DomainError } from '../domain-error'

/** The writers of the data directory, as the status bar and the log name them. */
export type DiskPart = 'outbox' | 'outbox-checkpoint' | 'print-queue' | 'receipts' | 'settings'

/** A part could not write (`fault`), or wrote again (`fault: null`). */
export interface DiskReport {
  part: DiskPart
  fault: DiskFault | null
  detail?: string
}

export type DiskReporter = (report: DiskReport) => void

/** The report for a failure, or null when it is not the disk's. */
export function diskReport(part: DiskPart, err: unknown): DiskReport | null {
  const fault = diskFault(err)
  return fault && { part, fault, detail: (err as Error)?.message ?? String(err) }
}

/** What the caller is told: nothing of `what` was saved, and why. */
export function diskRefusal(fault: DiskFault, what: string): DomainError {
  return fault === 'full'
    ? new DomainError(
        'disk-full',
        `The disk is full: ${what} was not saved. Free disk space on this computer, then try again.`
      )
    : new DomainError(
        'disk-error',
        `The disk reported an error: ${what} was not saved. Check the disk, then try again.`
      )
}
