import { describe, expect, it } from 'vitest'
import type { Status } from '../../shared/ipc'
import { StatusService } from './status-service'

const initial = { mode: 'kiosk' as const, language: 'id' as const, idleTimeoutSeconds: 60, embedded: true }

describe('status service', () => {
  it('emits only real changes', () => {
    const svc = new StatusService({ initial, probe: async () => undefined })
    const seen: Status[] = []
    svc.on('changed', (s) => seen.push(s))
    svc.update('queue', { pending: 2 })
    svc.update('queue', { pending: 2 })
    svc.update('printer', { state: 'paper-out', detail: 'Paper out' })
    expect(seen.map((s) => [s.queue.pending, s.printer.state])).toEqual([
      [2, 'none'],
      [2, 'paper-out']
    ])
  })

  it('marks the upstream reachable or not from the probe', async () => {
    let up = true
    const svc = new StatusService({
      initial,
      probe: async () => {
        if (!up) throw new Error('down')
      },
      now: () => 42
    })
    expect(await svc.probeNow()).toBe(true)
    expect(svc.get().upstream).toEqual({ reachable: true, embedded: true, checkedAt: 42 })
    up = false
    expect(await svc.probeNow()).toBe(false)
    expect(svc.get().upstream.reachable).toBe(false)
  })
})
