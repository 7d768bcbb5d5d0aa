/**
 * The receipt bridge with the production connection cap (512) held by slow attackers: a POS
 * sale still goes through once they have stalled, and the bridge serves at once when they go.
 * A sale waiting on Stamps is never cut by the idle deadline.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { SOCKET_LIMITS } from '../../platform/http/socket-limits'
import { BRIDGE_TOKEN, startBridgeRig, type BridgeRig } from '../../../tests/support/bridge-rig'
import { rawConnect, requestOnce, type RawClient } from '../../../tests/support/raw-http'
import { DEMO } from '../../../tests/support/sandbox'

let rig: BridgeRig | undefined
const attackers: RawClient[] = []

afterEach(async () => {
  for (const a of attackers.splice(0)) a.socket.destroy()
  await rig?.stop()
  rig = undefined
})

const sale = (bridgeUrl: string, invoice: string) =>
  requestOnce(`${bridgeUrl}/api/transactions/add`, {
    method: 'POST',
    headers: { authorization: `Token ${BRIDGE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: DEMO.customer, store: 2, invoice_number: invoice, total_value: 20_000 })
  })

/** Holds a socket open the way a slow attacker does: headers or body, a byte now and then. */
async function slowAttacker(port: number, phase: 'headers' | 'body'): Promise<RawClient> {
  const a = await rawConnect(port)
  attackers.push(a)
  const head = `POST /api/transactions/add HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`
  if (phase === 'body') {
    a.socket.write(`${head}Content-Length: 100000\r\n\r\n{`)
    void a.trickle('"'.repeat(100), 200)
  } else void a.trickle(`${head}X-Slow: ${'a'.repeat(100)}`, 200)
  return a
}

describe('the bridge under a slow-socket attack at its production cap', () => {
  it('puts a POS sale through while slow attackers hold every place, and serves at once when they go', async () => {
    rig = await startBridgeRig()
    const { bridge } = rig
    const cap = SOCKET_LIMITS.maxConnections
    for (let i = 0; i < cap; i++) await slowAttacker(bridge.port, i % 2 ? 'body' : 'headers')
    await expect.poll(() => bridge.connections().open).toBe(cap)

    // Once the attackers have waited on themselves past stalledMs, each sale takes one's place.
    await new Promise((r) => setTimeout(r, SOCKET_LIMITS.stalledMs + 200))
    for (let i = 0; i < 3; i++) {
      const res = await sale(bridge.url, `under-attack-${i}`)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ transaction: { stamps_earned: 2, value: 20_000 } })
      // The attackers take back the place the sale freed: the cap is full again when the next one arrives.
      await expect.poll(() => bridge.connections().open).toBe(cap - 1)
      await slowAttacker(bridge.port, 'headers')
      await expect.poll(() => bridge.connections().open).toBe(cap)
    }
    expect(bridge.connections()).toMatchObject({ evicted: 3, refused: 0 })
    expect(attackers.filter((a) => a.isClosed())).toHaveLength(3)
    expect(bridge.connections().open).toBeLessThanOrEqual(cap)

    for (const a of attackers.splice(0)) a.socket.destroy()
    const released = Date.now()
    expect((await sale(bridge.url, 'after-attack')).status).toBe(200)
    expect(Date.now() - released).toBeLessThan(1_000)
    for (const invoice of ['under-attack-0', 'under-attack-1', 'under-attack-2', 'after-attack'])
      expect(rig.sandbox.salesCount().get(`2|${invoice}`), invoice).toBe(1)
  })

  it('never cuts a sale waiting on Stamps, however short the idle deadline', async () => {
    rig = await startBridgeRig({ saleWaitMs: 1_200, limits: { idleMs: 200, keepAliveMs: 200, checkEveryMs: 50 } })
    await rig.proxy.setMode({ kind: 'delay', ms: 5_000 })
    const res = await sale(rig.bridge.url, 'slow-upstream')
    expect(res.status).toBe(202)
    expect(JSON.parse(res.body)).toMatchObject({ pending: true })
    await rig.proxy.setMode({ kind: 'pass' })
  })
})
