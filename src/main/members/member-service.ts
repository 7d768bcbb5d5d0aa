/** Member lookups for the kiosk and the till: identify, show, page history, print a slip. */
import { ACTIVITY_PAGE_SIZE, type Activity, type MembershipResponse } from '../../shared/stamps'
import { translate, type Language } from '../../shared/i18n'
import type { MemberView } from '../../shared/ipc'
import { memberIdReason, parseMemberId } from '../../shared/member-id'
import { maskCard, maskName } from '../../shared/receipt'
import type { PrintJob } from '../../shared/receipt/printer-status'
import type { MemberSlipInput } from '../../shared/receipt/template-inputs'
import { DomainError } from '../domain-error'
import { StampsError, type StampsClient } from '../stamps'
import { activityLine } from './activity-line'
import type { CachedMember, MemberCache } from './member-cache'

export interface MemberServiceDeps {
  client: StampsClient
  merchantId: number
  /** Kiosk mode masks names: the screen faces whoever walks past. */
  masked: () => boolean
  merchantName: () => string
  printer: { printMemberSlip(slip: MemberSlipInput): PrintJob } | null
  language: () => Language
  /** Members read lately: the answer while Stamps cannot be reached. */
  cache?: MemberCache | null
}

/** Stamps gave no answer about the member (down, unreachable, timed out, failing): the cache may. */
const unanswered = (err: unknown): boolean => err instanceof StampsError && (err.kind === 'offline' || err.retryable)

export class MemberService {
  constructor(private readonly deps: MemberServiceDeps) {}

  /** Parses a scan or typed text into the identifier Stamps looks members up by. */
  identify(query: string): string {
    const id = parseMemberId(query)
    if (!id.ok) throw new DomainError('invalid-input', translate(this.deps.language(), memberIdReason(id.code)))
    return id.value
  }

  /**
   * Stamps' answer, kept in the cache; while Stamps cannot answer, the cache's last read of the
   * member marked with its time (`asOf`). Never seen and offline: the refusal says unreachable.
   */
  async lookup(query: string): Promise<MemberView> {
    const user = this.identify(query)
    try {
      const d = await this.details(user)
      this.deps.cache?.put(user, d)
      return this.toView(user, d)
    } catch (err) {
      const cached = unanswered(err) ? this.deps.cache?.find(user) : undefined
      if (!cached) throw err
      return this.cachedView(user, cached)
    }
  }

  /** The member's name as last read, for lists of sales (never masked: desk only). */
  cachedName(user: string): string | null {
    return this.deps.cache?.find(user)?.name ?? null
  }

  async activities(
    user: string,
    olderThan?: number,
    merchantIds?: number[]
  ): Promise<{ activities: Activity[]; hasMore: boolean }> {
    const { client } = this.deps
    const query = { user, ...(olderThan !== undefined && { older_than: olderThan }) }
    const page = await (merchantIds
      ? client.groupActivities({ ...query, ...(merchantIds.length > 0 && { merchant_id: merchantIds }) })
      : client.activities(query))
    // No has_next in the API: a full page may or may not be the last; a short page is.
    return { activities: page.activities, hasMore: page.activities.length === ACTIVITY_PAGE_SIZE }
  }

  async printSlip(user: string): Promise<PrintJob> {
    const { printer } = this.deps
    if (!printer) throw new DomainError('printer', 'No printer is set up.')
    const [details, history] = await Promise.all([this.details(user), this.activities(user)])
    const lang = this.deps.language()
    return printer.printMemberSlip({
      merchant_name: this.deps.merchantName(),
      name: maskName(details.user.name),
      card_number: details.membership.primary_card?.number ?? null,
      level: details.membership.level_text,
      stamps: Math.trunc(details.membership.stamps),
      balance: details.membership.balance,
      activities: history.activities.slice(0, 5).map((a) => activityLine(a, lang)),
      printed_at: new Date()
    })
  }

  private details(user: string): Promise<MembershipResponse> {
    return this.deps.client.membership({ user, merchant: this.deps.merchantId })
  }

  private toView(user: string, d: MembershipResponse): MemberView {
    const card = d.membership.primary_card?.number ?? null
    return {
      user,
      name: this.deps.masked() ? maskName(d.user.name) : d.user.name,
      cardLast4: card ? maskCard(card).slice(-4) : null,
      level: d.membership.level,
      levelText: d.membership.level_text,
      stamps: d.membership.stamps,
      balance: d.membership.balance,
      isBlocked: d.membership.is_blocked,
      asOf: null
    }
  }

  private cachedView(user: string, m: CachedMember): MemberView {
    return {
      user,
      name: this.deps.masked() ? maskName(m.name) : m.name,
      cardLast4: m.card ? maskCard(m.card).slice(-4) : null,
      level: m.level,
      levelText: m.levelText,
      stamps: m.stamps,
      balance: m.balance,
      isBlocked: m.isBlocked,
      asOf: m.readAt
    }
  }
}
