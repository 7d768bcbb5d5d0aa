/** A sale whose answer is still being recorded (its duplicate lookup) is still in flight. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { DEMO } from '../../../tests/support/sandbox'
import { waitFor } from '../../../tests/support/wait-for'
import { StampsClient } from '../stamps'

const sale = (invoice: string) => ({ user: DEMO.customer, store: 2, invoice_number: invoice, total_value: 30_000 })

describe('Outbox: a sale in its duplicate lookup', () => {
  let rig: BridgeRig
  beforeEach(async () => {
    rig = await startBridgeRig()
  })
  afterEach(async () => {
    await rig.stop()
  })

  it('cannot be discarded (or fixed) while its lookup runs: the upstream already holds it', async () => {
    // Posted upstream by an attempt whose answer was lost: the outbox's send answers duplicate.
    const direct = new StampsClient({ baseUrl: rig.sandbox.url, credential: { kind: 'token', key: DEMO.key } })
    await direct.addTransaction({ ...sale('dup-1'), created: new Date().toISOString() })
    direct.close()
    // The lookup's reads (GET) are slow; the sale's POST passes at once.
    await rig.proxy.setMode({ kind: 'delay', ms: 700, methods: ['GET'] })
    const { item } = rig.outbox.enqueue(sale('dup-1'))
    const outcome = rig.outbox.awaitOutcome(item, 5_000)
    const before = rig.proxy.stats.requests
    await waitFor(() => rig.proxy.stats.requests >= before + 2, 'duplicate answered, lookup under way')
    expect(() => rig.outbox.discard(item.id)).toThrow(/cannot be discarded/)
    expect(rig.outbox.get(item.id)?.state).toBe('sending')
    await rig.proxy.setMode({ kind: 'pass' })
    await expect(outcome).resolves.toMatchObject({ state: 'posted', duplicate: true })
    expect(rig.outbox.get(item.id)?.state).toBe('posted')
  })
})
