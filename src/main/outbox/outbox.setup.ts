/**
 * The queue domain: the durable outbox every sale passes through, its depth on the status bar,
 * row changes pushed to the desk's queue view, and the queue channels (list, fix and resend, discard).
 */
import { join } from 'node:path'
import type { DiskReporter } from '../disk/disk-fault'
import type { HostContext } from '../host/host-context'
import type { StampsClient } from '../stamps'
import type { StatusService } from '../status/status-service'
import { Outbox } from './outbox'
import { outboxView, QueueRepair } from './queue-repair'

export function setupOutbox(
  ctx: HostContext,
  deps: { client: StampsClient; status: StatusService; disk: DiskReporter }
): Outbox {
  const outbox = new Outbox({
    dbPath: join(ctx.dataDir, 'outbox.sqlite'),
    client: deps.client,
    merchantId: ctx.settings.merchant
  })
  ctx.onClose(() => outbox.close())
  outbox.on('disk', deps.disk)
  outbox.start()
  // The upstream is back: the queue drains now, not at the end of its backoff.
  const breaker = deps.client.breaker
  breaker?.on('change', (state) => state === 'closed' && outbox.retryNow())

  const { status } = deps
  const depth = (): void => {
    const d = outbox.depth()
    status.update('queue', { pending: d.queued, failed: d.failed })
  }
  outbox.on('depth', depth)
  depth()
  outbox.on('change', (c) =>
    ctx.broadcast('outbox:changed', {
      id: c.id,
      state: c.state,
      attempts: c.attempts,
      lastError: c.last_error,
      fieldErrors: c.field_errors
    })
  )

  const repair = new QueueRepair(outbox)
  ctx.ipc.register({
    'outbox:list': () => ({ items: outbox.list({ limit: 200 }).map(outboxView) }),
    'outbox:resend': ({ id, fix }) => repair.resend(id, fix),
    'outbox:discard': ({ id }) => {
      outbox.discard(id)
      return { ok: true as const }
    },
    'outbox:retry-now': () => {
      // A person says the line is back: probe now rather than answer "unreachable" until the breaker's own time.
      breaker?.hurry()
      outbox.retryNow()
      void status.probeNow()
      return { ok: true as const }
    }
  })
  return outbox
}
