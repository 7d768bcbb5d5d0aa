/** The captured jobs as a person sees them (what each was read as, its text), and the admin's template test. */
import type { CapturedJob } from '../../shared/ipc/capture'
import { readWith, type ReceiptReading } from '../../shared/capture/read-receipt'
import type { ReceiptTemplate } from '../../shared/capture/receipt-template'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { CaptureJob, CaptureKind, CaptureStore } from './capture-store'

const textOf = (job: CaptureJob): string[] => decodeEscPos(job.bytes).lines.map((l) => l.text)

const readingOf = (job: CaptureJob): ReceiptReading | null => {
  const r = (job.extract as { reading?: ReceiptReading } | null)?.reading
  return r ?? null
}

export class CaptureJobs {
  constructor(private readonly store: CaptureStore | null) {}

  list(options: { kind?: CaptureKind; limit?: number }): { jobs: CapturedJob[] } {
    if (!this.store) return { jobs: [] }
    const jobs = this.store
      .recent(Math.min(1000, (options.limit ?? 50) * 4))
      .filter((j) => options.kind === undefined || j.kind === options.kind)
      .slice(0, options.limit ?? 50)
    return {
      jobs: jobs.map((j) => ({
        id: j.id,
        state: j.state,
        kind: j.kind,
        size: j.size,
        receivedAt: j.receivedAt,
        forwardedAt: j.forwardedAt,
        footer: j.footer,
        reason: j.reason,
        reading: readingOf(j),
        lines: textOf(j)
      }))
    }
  }

  /** Reads the last captured jobs with `template` alone (the generic one is not tried); posts nothing. */
  test(template: ReceiptTemplate, limit = 10): { results: Array<{ jobId: number; reading: ReceiptReading }> } {
    if (!this.store) return { results: [] }
    const jobs = this.store.recent(limit).filter((j) => j.bytes.length > 0)
    return { results: jobs.map((j) => ({ jobId: j.id, reading: readWith(textOf(j), template) })) }
  }
}
