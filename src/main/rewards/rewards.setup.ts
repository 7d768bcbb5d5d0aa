/** The rewards domain: the kiosk member's rewards with progress, redeeming one (no blind retry), vouchers, joining by phone. */
import type { HostContext } from '../host/host-context'
import type { Upstream } from '../host/upstream.setup'
import type { MemberService } from '../members/member-service'
import type { LivePrinter } from '../printer/live-printer'
import { CatalogueClient, RedemptionClient, RedemptionReconciler, RegistrationClient } from '../stamps'
import { MemberJoin } from './member-join'
import { RewardCatalogue } from './reward-catalogue'
import { RewardRedeemer } from './reward-redeemer'

export function setupRewards(
  ctx: HostContext,
  deps: { upstream: Upstream; printer: LivePrinter; members: MemberService }
): RewardRedeemer {
  const { client } = deps.upstream
  const { merchant, store } = ctx.settings
  const catalogue = new RewardCatalogue({ catalogue: new CatalogueClient(client), merchant, store })
  const redemptions = new RedemptionClient(client)
  const reconciler = new RedemptionReconciler(
    { redeemReward: (r) => redemptions.redeemReward(r), activities: (q) => client.activities(q) },
    client.config
  )
  const redeemer = new RewardRedeemer({
    catalogue,
    reconciler,
    redemptions,
    client,
    merchant,
    store,
    printer: deps.printer,
    merchantName: deps.upstream.merchantName,
    log: ctx.log
  })
  const join = new MemberJoin({ registration: new RegistrationClient(client), members: deps.members })
  ctx.ipc.register({
    'rewards:list': ({ user }) => catalogue.list(user),
    'rewards:redeem': (req) => redeemer.redeem(req),
    'rewards:vouchers': async ({ user }) => ({ vouchers: await catalogue.vouchers(user) }),
    'rewards:join': ({ phone }) => join.join(phone),
    'rewards:reconcile': ({ ticketId }) => redeemer.reconcile(ticketId)
  })
  return redeemer
}
