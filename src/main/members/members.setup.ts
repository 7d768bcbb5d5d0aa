/** The members domain: look-ups for the kiosk and the till (masked on the kiosk), the offline cache, history, balance slips. */
import type { HostContext } from '../host/host-context'
import type { Upstream } from '../host/upstream.setup'
import type { LivePrinter } from '../printer/live-printer'
import type { StatusService } from '../status/status-service'
import { join } from 'node:path'
import { MemberCache } from './member-cache'
import { MemberService } from './member-service'

export function setupMembers(
  ctx: HostContext,
  deps: {
    upstream: Upstream
    printer: LivePrinter
    status: StatusService
    /** A member found at the desk (not the kiosk): who the next captured receipt's stamps go to. */
    onDeskLookup?: (user: string) => void
  }
): MemberService {
  const { upstream, status } = deps
  const cache = new MemberCache(join(ctx.dataDir, 'members.sqlite'))
  ctx.onClose(() => cache.close())
  const members = new MemberService({
    cache,
    client: upstream.client,
    merchantId: ctx.settings.merchant,
    masked: () => status.get().mode === 'kiosk',
    merchantName: upstream.merchantName,
    printer: deps.printer,
    language: () => status.get().language
  })
  ctx.ipc.register({
    'member:lookup': async ({ query }) => {
      const view = await members.lookup(query)
      if (status.get().mode !== 'kiosk') deps.onDeskLookup?.(view.user)
      return view
    },
    'member:activities': ({ user, olderThan }) => members.activities(user, olderThan),
    'member:group-activities': ({ user, olderThan, merchantIds }) => members.activities(user, olderThan, merchantIds),
    'member:print-slip': async ({ user }) => ({ jobId: (await members.printSlip(user)).id })
  })
  return members
}
