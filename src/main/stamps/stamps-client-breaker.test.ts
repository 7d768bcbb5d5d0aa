/** The Stamps client behind its circuit breaker, through the fault proxy into the real sandbox. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { CircuitBreaker } from './circuit-breaker'
import { StampsClient } from './stamps-client'
import { asDomainError } from './stamps-domain-error'

let sandbox: TestSandbox
let proxy: FaultProxy
let client: StampsClient
let breaker: CircuitBreaker
beforeEach(async () => {
  sandbox = await startTestSandbox()
  proxy = await startFaultProxy({ port: sandbox.port })
  breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 300 })
  client = new StampsClient(
    {
      baseUrl: proxy.url,
      credential: { kind: 'token', key: DEMO.key },
      timeoutMs: 250,
      retry: { maxAttempts: 3, baseMs: 10, capMs: 20 }
    },
    { breaker }
  )
})
afterEach(async () => {
  client.close()
  await proxy.close()
  await sandbox.stop()
})

const lookup = () => client.membership({ user: DEMO.customer, merchant: DEMO.merchantId })

describe('StampsClient with a circuit breaker', () => {
  it('opens after three timed-out tries, then fails reads at once with the usual unreachable refusal', async () => {
    await proxy.setMode({ kind: 'delay', ms: 10_000 })
    await expect(lookup()).rejects.toMatchObject({ kind: 'timeout' })
    expect(breaker.state).toBe('open')
    const sent = proxy.stats.requests
    const started = Date.now()
    const err: unknown = await lookup().catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(200)
    expect(err).toMatchObject({ kind: 'offline', ambiguous: false, retryable: false })
    expect(asDomainError(err)).toMatchObject({ code: 'unreachable' })
    expect(proxy.stats.requests).toBe(sent)
  })

  it('lets one probe out at a time when half-open, and closes on its answer', async () => {
    await proxy.setMode({ kind: 'refuse' })
    await expect(lookup()).rejects.toMatchObject({ kind: 'network' })
    expect(breaker.state).toBe('open')
    await proxy.setMode({ kind: 'pass' })
    await new Promise((r) => setTimeout(r, 320))
    const sent = proxy.stats.requests
    const five = await Promise.allSettled([lookup(), lookup(), lookup(), lookup(), lookup()])
    expect(five.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'rejected'])
    expect(five.filter((r) => r.status === 'rejected').map((r) => (r.reason as { kind: string }).kind)).toEqual([
      'offline',
      'offline',
      'offline',
      'offline'
    ])
    expect(proxy.stats.requests).toBe(sent + 1)
    expect(breaker.state).toBe('closed')
    await expect(lookup()).resolves.toMatchObject({ user: { email: DEMO.customer } })
  })

  it('counts any answer, even a refusal, as the upstream being reachable', async () => {
    await proxy.setMode({ kind: 'refuse' })
    await expect(lookup()).rejects.toMatchObject({ kind: 'network' })
    await proxy.setMode({ kind: 'pass' })
    await new Promise((r) => setTimeout(r, 320))
    expect(breaker.state).toBe('open')
    await expect(client.membership({ user: 'nobody@example.com', merchant: DEMO.merchantId })).rejects.toMatchObject({
      kind: 'validation'
    })
    expect(breaker.state).toBe('closed')
  })
})
