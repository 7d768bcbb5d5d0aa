/** The status domain: one status the bar shows, probed against the upstream, pushed to every screen. */
import type { HostContext } from '../host/host-context'
import type { StampsClient } from '../stamps'
import { StatusService } from './status-service'

export function setupStatus(ctx: HostContext, deps: { client: StampsClient; embedded: boolean }): StatusService {
  const { kiosk, language } = ctx.settings
  const status = new StatusService({
    initial: { mode: kiosk.mode, language, idleTimeoutSeconds: kiosk.idleTimeoutSeconds, embedded: deps.embedded },
    probe: () => deps.client.ping()
  })
  ctx.onClose(() => status.stop())
  status.on('changed', (s) => ctx.broadcast('status:changed', s))
  ctx.ipc.register({ 'status:get': () => status.get() })
  status.start()
  return status
}
