/** The settings domain: the admin screen reads settings without secrets, tests an upstream, and saves. */
import type { HostContext } from '../host/host-context'
import type { LivePrinter } from '../printer/live-printer'
import type { StatusService } from '../status/status-service'
import type { SettingsFile } from './settings-file'
import { SettingsDesk } from './settings-desk'

export function setupSettings(
  ctx: HostContext,
  deps: { file: SettingsFile; status: StatusService; printer: LivePrinter; embeddedUrl: string | null }
): SettingsDesk {
  const desk = new SettingsDesk(deps)
  ctx.ipc.register({
    'settings:get': () => desk.view(),
    'settings:save': ({ patch }) => desk.save(patch),
    'settings:test-upstream': (req) => desk.testUpstream(req)
  })
  return desk
}
