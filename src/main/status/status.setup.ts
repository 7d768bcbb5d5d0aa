/** The status domain: one status the bar shows, probed against the upstream, pushed to every screen. */
import type { HostContext } from '../host/host-context'
import type { UpstreamRequest } from '../metrics/metrics-feed'
import type { StampsClient } from '../stamps'
import { StatusService } from './status-service'
import { UpstreamHealth } from './upstream-health'

export function setupStatus(
  ctx: HostContext,
  deps: {
    client: StampsClient
    embedded: boolean
    /** Real requests' outcomes: slow or failing ones make the bar say "slow", not only pings. */
    observeRequests?: (listener: (request: UpstreamRequest) => void) => void
  }
): StatusService {
  const { kiosk, language } = ctx.settings
  const status = new StatusService({
    initial: { mode: kiosk.mode, language, idleTimeoutSeconds: kiosk.idleTimeoutSeconds, embedded: deps.embedded },
    probe: () => deps.client.ping()
  })
  ctx.onClose(() => status.stop())
  status.on('changed', (s) => ctx.broadcast('status:changed', s))
  // "Upstream reachable" agrees with the client's breaker: it opens, the bar says unreachable
  // at once; it closes (a probe or any call got an answer), reachable. When it is due a probe,
  // the status ping is that probe, so the upstream's return is seen within the open period.
  const breaker = deps.client.breaker
  let down = false
  breaker?.on('change', (state) => {
    if (state === 'half-open') return
    status.update('upstream', { reachable: state === 'closed', checkedAt: Date.now() })
    // One line per outage (not per failed probe): when it began and when it ended.
    if (down !== (state === 'open'))
      ctx.log(
        state === 'open' ? 'upstream: unreachable; sales are answered pending at once' : 'upstream: reachable again'
      )
    down = state === 'open'
  })
  breaker?.on('probe-due', () => void status.probeNow())
  const health = new UpstreamHealth()
  deps.observeRequests?.((request) => status.update('upstream', { degraded: health.record(request) }))
  ctx.ipc.register({ 'status:get': () => status.get() })
  status.start()
  return status
}
