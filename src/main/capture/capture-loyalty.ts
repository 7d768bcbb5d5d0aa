/**
 * The loyalty path of a captured job: read the sale off its text, pair the member scanned at the
 * desk, post it through the outbox (keyed by store, local day and invoice, so a reprint is never
 * posted again) and build the footer. What it decides is committed on the job before the sale is
 * queued, so a restart reads the same sale with the same member.
 */
import { z } from 'zod'
import type { Language } from '../../shared/i18n'
import { readReceipt, type ReceiptReading } from '../../shared/capture/read-receipt'
import type { ReceiptTemplate } from '../../shared/capture/receipt-template'
import { localDay } from '../../shared/local-day'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { Columns } from '../../shared/receipt/receipt-model'
import type { Outbox } from '../outbox'
import type { OutboxItem } from '../outbox/outbox-rows'
import type { CaptureJob, CaptureStore } from './capture-store'
import { loyaltyFooter, type FooterFacts } from './loyalty-footer'
import type { MemberPairing } from './member-pairing'

/** What the loyalty path decided about a job, kept on it (capture_jobs.extract). */
export const captureDecisionSchema = z.object({
  reading: z.custom<ReceiptReading>((v) => typeof v === 'object' && v !== null),
  user: z.string().nullable().default(null),
  /** The outbox row of the first print of this receipt, when this job is a reprint. */
  reprintOf: z.number().nullable().default(null)
})
export type CaptureDecision = z.infer<typeof captureDecisionSchema>

export interface CaptureLoyaltyDeps {
  store: CaptureStore
  outbox: Pick<Outbox, 'enqueue' | 'awaitOutcome' | 'findByInvoice' | 'get'>
  storeId: number
  templates: () => readonly ReceiptTemplate[]
  pairing: MemberPairing
  /** How long to wait for Stamps' answer before the footer says stamps pending. */
  waitMs: number
  /** Stamps known to be down (the client's circuit breaker): the footer says pending at once. */
  upstream?: { readonly downSignal: AbortSignal } | null
  footer: () => { language: Language; columns: Columns }
  timeZone?: string
  now?: () => number
}

/** `+07:00` for Asia/Jakarta: the offset of a time zone at an instant. */
function offsetOf(timeZone: string, ms: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '')
  return m ? m[1]! : '+00:00'
}

export class CaptureLoyalty {
  constructor(private readonly d: CaptureLoyaltyDeps) {}

  /** The footer for a job, or null: not a sale, no cut, refused by Stamps. Throws what the outbox throws. */
  async footerFor(job: CaptureJob): Promise<Uint8Array | null> {
    const decision = this.decide(job)
    if (!decision) return null
    const { reading, user, reprintOf } = decision
    if (reprintOf !== null) {
      const first = this.d.outbox.get(reprintOf)
      return first ? this.footer(this.factsOf(first, true)) : null
    }
    // TODO(i13 open transactions): with no member, post an open transaction (empty `user`, v2 add)
    // once the outbox can send one; until then the sale is kept on the job, not posted.
    if (!user) return this.footer({ kind: 'join' })
    const created = reading.dateTime ? this.created(reading.dateTime) : undefined
    const { item } = this.d.outbox.enqueue({
      user,
      store: this.d.storeId,
      invoice_number: reading.invoice!,
      total_value: reading.total!,
      ...(created && { created })
    })
    const outcome = await this.d.outbox.awaitOutcome(item, this.d.waitMs, this.d.upstream?.downSignal)
    if (outcome.state === 'posted')
      return this.footer(this.factsOf({ ...item, state: 'posted', response: outcome.response }, false))
    if (outcome.state === 'pending') return this.footer({ kind: 'pending', user, copy: false })
    return null // refused: the outbox lists it for a person; the receipt prints as the POS sent it
  }

  /** Reads the job once and commits the decision on it; a job decided before (a restart) keeps its decision. */
  private decide(job: CaptureJob): CaptureDecision | null {
    const prior = captureDecisionSchema.safeParse(job.extract)
    if (prior.success && job.kind === 'sale') return prior.data
    if (job.kind !== null) return null
    const lines = decodeEscPos(job.bytes).lines.map((l) => l.text)
    const reading = readReceipt(lines, this.d.templates())
    if (reading.kind !== 'sale') {
      this.d.store.classify(job.id, reading.kind, { reading })
      return null
    }
    const now = (this.d.now ?? Date.now)()
    const day = reading.dateTime?.slice(0, 10) ?? localDay(now, this.d.timeZone)
    const first = this.d.outbox.findByInvoice(this.d.storeId, reading.invoice!)
    const decision: CaptureDecision =
      first && first.local_date === day
        ? { reading, user: first.sale.user ?? null, reprintOf: first.id }
        : { reading, user: this.d.pairing.take(), reprintOf: null }
    this.d.store.classify(job.id, 'sale', decision)
    return decision
  }

  private factsOf(item: OutboxItem, copy: boolean): FooterFacts {
    const user = item.sale.user ?? item.sale.user_email ?? ''
    if (item.state === 'posted' && item.response)
      return {
        kind: 'posted',
        user,
        earned: item.response.transaction.stamps_earned,
        remaining: item.response.customer.stamps_remaining,
        copy
      }
    return { kind: 'pending', user, copy }
  }

  private created(local: string): string {
    const zone = this.d.timeZone ?? 'Asia/Jakarta'
    return `${local}${offsetOf(zone, (this.d.now ?? Date.now)())}`
  }

  private footer(facts: FooterFacts): Uint8Array {
    return loyaltyFooter(facts, this.d.footer())
  }
}
