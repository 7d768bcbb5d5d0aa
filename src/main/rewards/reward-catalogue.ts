/** The scanned member's rewards at this store with progress and why each locked one is locked, and their vouchers. */
import type { RewardList, RewardLock, RewardView, VoucherView } from '../../shared/ipc'
import type { CatalogueReward } from '../../shared/stamps'
import type { CatalogueClient } from '../stamps'

/** A kiosk is channel 3 in every Stamps document. */
export const KIOSK_CHANNEL = 3

export interface RewardCatalogueDeps {
  catalogue: Pick<CatalogueClient, 'rewards' | 'groupVouchers'>
  merchant: number
  store: number
}

export class RewardCatalogue {
  constructor(private readonly deps: RewardCatalogueDeps) {}

  /**
   * Two reads at once: the whole catalogue with the member's `redeemable` (level and store) and
   * stamps, and the store's own list, which tells a store lock from a level lock.
   */
  async list(user: string): Promise<RewardList> {
    const { catalogue, merchant, store } = this.deps
    const query = { user, merchant, store, channel: KIOSK_CHANNEL }
    const [all, here] = await Promise.all([
      catalogue.rewards(query),
      catalogue.rewards({ ...query, only_redeemable_in_this_store: true })
    ])
    const atStore = new Set(here.rewards.map((r) => r.id))
    const stamps = all.customer?.stamps ?? 0
    const rewards = all.rewards
      .filter((r) => r.is_visible !== false)
      .map((r) => rewardView(r, stamps, atStore.has(r.id)))
      .sort((a, b) => a.stamps - b.stamps)
    return { user, stamps, level: all.customer?.membership_status ?? '', rewards }
  }

  /** One reward as the member would see it now (what a redemption checks before it spends). */
  async find(user: string, rewardId: number): Promise<RewardView | undefined> {
    return (await this.list(user)).rewards.find((r) => r.id === rewardId)
  }

  /** The member's usable vouchers across the merchant group, soonest to expire first. */
  async vouchers(user: string): Promise<VoucherView[]> {
    const { vouchers } = await this.deps.catalogue.groupVouchers({ user, channel: KIOSK_CHANNEL })
    return vouchers
      .filter((v) => v.is_active && v.quantity > 0)
      .sort((a, b) => a.end_date.localeCompare(b.end_date))
      .map((v) => ({ id: v.id, name: v.template.name, code: v.code, expiresOn: v.end_date || null }))
  }
}

function rewardView(r: CatalogueReward, stamps: number, atStore: boolean): RewardView {
  const stampsShort = Math.max(0, Math.ceil(r.stamps_to_redeem - stamps))
  let lockedBy: RewardLock | null = null
  if (!atStore) lockedBy = 'store'
  else if (r.redeemable === false) lockedBy = 'level'
  else if (stampsShort > 0) lockedBy = 'stamps'
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    stamps: r.stamps_to_redeem,
    level: r.membership,
    lockedBy,
    stampsShort
  }
}
