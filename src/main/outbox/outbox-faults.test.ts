/** The outbox through every proxy fault into the real sandbox: each sale posted exactly once. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultMode, type FaultProxy } from '../../../tests/support/fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { StampsClient } from '../stamps'
import { Outbox } from './outbox'

let seq = 0
const sale = (tag: string) => ({
  user: seq % 2 ? DEMO.customer : DEMO.card,
  store: DEMO.stores[seq % 4]!,
  invoice_number: `${tag}-${Date.now()}-${++seq}`,
  total_value: 10_000 * (1 + (seq % 7))
})

/** Every queued sale is posted in the outbox and exactly once in the sandbox's own database. */
function expectEachPostedOnce(outbox: Outbox, sandbox: TestSandbox, ids: number[]): void {
  const counts = sandbox.salesCount()
  for (const id of ids) {
    const item = outbox.get(id)!
    expect(item.state, `sale ${item.invoice_number}`).toBe('posted')
    expect(counts.get(`${item.store}|${item.invoice_number}`), `upstream copies of ${item.invoice_number}`).toBe(1)
  }
}

describe('Outbox through a faulty network into the real sandbox', () => {
  let sandbox: TestSandbox
  let proxy: FaultProxy
  let client: StampsClient
  let tmp: ReturnType<typeof tempDir>
  let outbox: Outbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    proxy = await startFaultProxy({ port: sandbox.port })
    client = new StampsClient({ baseUrl: proxy.url, credential: { kind: 'token', key: DEMO.key }, timeoutMs: 250 })
  })
  afterAll(async () => {
    client.close()
    await proxy.close()
    await sandbox.stop()
  })
  beforeEach(() => {
    tmp = tempDir()
    outbox = new Outbox({ dbPath: tmp.file('outbox.db'), client, merchantId: 14, backoff: { baseMs: 10, capMs: 80 } })
  })
  afterEach(async () => {
    await proxy.setMode({ kind: 'pass' })
    await outbox.close()
    tmp.remove()
  })

  const modes: FaultMode[] = [
    { kind: 'refuse' },
    { kind: 'reset-before-request' },
    { kind: 'reset-after-request' },
    { kind: 'delay', ms: 400 },
    { kind: 'http-5xx', count: 4 }
  ]
  for (const mode of modes) {
    it(`sales sent while the link is ${mode.kind} end posted exactly once`, async () => {
      await proxy.setMode(mode)
      const ids = Array.from({ length: 4 }, () => outbox.enqueue(sale(mode.kind)).item.id)
      outbox.start()
      await waitFor(() => (outbox.get(ids[0]!)?.attempts ?? 0) >= 2, 'the head to fail at least once')
      expect(outbox.get(ids[0]!)?.last_error).toBeTruthy()
      await proxy.setMode({ kind: 'pass' })
      await waitFor(() => outbox.depth().queued === 0, 'drain', 15_000)
      expectEachPostedOnce(outbox, sandbox, ids)
      if (mode.kind === 'reset-after-request' || mode.kind === 'delay') {
        // The first send committed and lost its answer: the replay must have read "duplicate".
        expect(outbox.get(ids[0]!)).toMatchObject({
          duplicate: true,
          response: { transaction: { stamps_earned: expect.any(Number) } }
        })
      }
    })
  }

  it('a storm of random faults while sales flow: none lost, none doubled', async () => {
    let rnd = 42
    const random = () => (rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const faultsBefore = proxy.stats.resets + proxy.stats.injected5xx
    outbox.start()
    const ids: number[] = []
    for (let round = 0; round < 30; round++) {
      await proxy.setMode(random() < 0.35 ? { kind: 'pass' } : modes[Math.floor(random() * modes.length)]!)
      ids.push(outbox.enqueue(sale('storm')).item.id)
      if (random() < 0.5) ids.push(outbox.enqueue(sale('storm')).item.id)
      await new Promise((r) => setTimeout(r, 40))
    }
    await proxy.setMode({ kind: 'pass' })
    outbox.retryNow()
    await waitFor(() => outbox.depth().queued === 0, 'drain after the storm', 20_000)
    expectEachPostedOnce(outbox, sandbox, ids)
    expect(outbox.depth()).toEqual({ queued: 0, failed: 0 })
    expect(proxy.stats.resets + proxy.stats.injected5xx - faultsBefore).toBeGreaterThan(0)
    console.info(
      `storm: ${ids.length} sales, ${outbox.list({ state: 'posted' }).filter((i) => i.duplicate).length} recovered as duplicates`
    )
  })
})
