/** The disk domain: which parts of the data directory cannot write, on the status bar and in the log. */
import type { HostContext } from '../host/host-context'
import type { StatusService } from '../status/status-service'
import { DiskHealth } from './disk-health'

export function setupDisk(ctx: HostContext, deps: { status: StatusService }): DiskHealth {
  const disk = new DiskHealth(ctx.log)
  disk.on('changed', (s) => deps.status.update('disk', s))
  return disk
}
