/** Callers waiting for a sale's outcome when the outbox closes. */
import { describe, expect, it } from 'vitest'
import { DEMO } from '../../../tests/support/sandbox'
import { tempDir } from '../../../tests/support/temp-files'
import { StampsClient } from '../stamps'
import { Outbox } from './outbox'

const sale = (invoice: string) => ({ user: DEMO.customer, store: 2, invoice_number: invoice, total_value: 30_000 })

describe('Outbox.close with callers still waiting', () => {
  it('answers them pending at once, and nothing touches the closed file afterwards', async () => {
    const tmp = tempDir()
    // Nothing listens on port 9: every send fails and the sale stays queued.
    const client = new StampsClient({
      baseUrl: 'http://127.0.0.1:9',
      credential: { kind: 'token', key: DEMO.key },
      timeoutMs: 200
    })
    const o = new Outbox({ dbPath: tmp.file('outbox.db'), client, backoff: { baseMs: 5_000, capMs: 5_000 } })
    const uncaught: unknown[] = []
    const onUncaught = (err: unknown): void => void uncaught.push(err)
    process.on('uncaughtException', onUncaught)
    try {
      const { item } = o.enqueue(sale('close-1'))
      const outcome = o.awaitOutcome(item, 300)
      await o.close()
      const started = Date.now()
      await expect(outcome).resolves.toMatchObject({ state: 'pending', id: item.id, item: { state: 'queued' } })
      expect(Date.now() - started).toBeLessThan(100)
      await new Promise((r) => setTimeout(r, 400))
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', onUncaught)
      client.close()
      tmp.remove()
    }
  })
})

describe('Outbox.awaitOutcome with a give-up signal (the upstream known to be down)', () => {
  it('answers pending at once when the signal is aborted, or as soon as it aborts, and lets go of it', async () => {
    const tmp = tempDir()
    const client = new StampsClient({
      baseUrl: 'http://127.0.0.1:9',
      credential: { kind: 'token', key: DEMO.key },
      timeoutMs: 200
    })
    const o = new Outbox({ dbPath: tmp.file('outbox.db'), client })
    try {
      const down = new AbortController()
      down.abort()
      const { item } = o.enqueue(sale('down-1'))
      const started = Date.now()
      await expect(o.awaitOutcome(item, 5_000, down.signal)).resolves.toMatchObject({ state: 'pending', id: item.id })
      expect(Date.now() - started).toBeLessThan(100)

      const goingDown = new AbortController()
      let listeners = 0
      const add = goingDown.signal.addEventListener.bind(goingDown.signal)
      const remove = goingDown.signal.removeEventListener.bind(goingDown.signal)
      goingDown.signal.addEventListener = ((...a: Parameters<typeof add>) => (listeners++, add(...a))) as typeof add
      goingDown.signal.removeEventListener = ((...a: Parameters<typeof remove>) => (
        listeners--,
        remove(...a)
      )) as typeof remove
      const second = o.enqueue(sale('down-2')).item
      const waiting = o.awaitOutcome(second, 5_000, goingDown.signal)
      expect(listeners).toBe(1)
      setTimeout(() => goingDown.abort(), 50)
      await expect(waiting).resolves.toMatchObject({ state: 'pending', id: second.id })
      expect(listeners).toBe(0)
    } finally {
      await o.close()
      client.close()
      tmp.remove()
    }
  })
})
