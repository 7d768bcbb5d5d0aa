/** Puts the loyalty footer into a job's bytes just before its final paper cut; every other byte stays as sent. */
import { cutOffsets } from './escpos-stream'

/**
 * The job with `footer` inserted before its last cut, or null when the job has no cut (the footer
 * would print on the next customer's ticket). A footer starts on a line of its own: when the POS
 * left a line unfinished, a line feed goes first.
 */
export function spliceFooter(job: Uint8Array, footer: Uint8Array): Uint8Array | null {
  const cuts = cutOffsets(job)
  const at = cuts[cuts.length - 1]
  if (at === undefined) return null
  const lead = at > 0 && job[at - 1] !== 0x0a ? Uint8Array.of(0x0a) : new Uint8Array()
  const out = new Uint8Array(job.length + lead.length + footer.length)
  out.set(job.subarray(0, at), 0)
  out.set(lead, at)
  out.set(footer, at + lead.length)
  out.set(job.subarray(at), at + lead.length + footer.length)
  return out
}
