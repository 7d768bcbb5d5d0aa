import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error'
import { StampsError } from '../stamps'
import { createIpcRouter, type IpcHandlers, type IpcRouterOptions } from './ipc-router'

/** The cashier desk: kiosk refusals are tested in kiosk-gate.test.ts. */
const DESK = { kiosk: false }

const routerWith = (handlers: Partial<IpcHandlers>, opts: IpcRouterOptions = {}) => {
  const router = createIpcRouter(opts)
  router.register(handlers)
  return router
}

const member = {
  user: 'u',
  name: 'D*** C***',
  cardLast4: '0123',
  level: 1,
  levelText: 'Blue',
  stamps: 0,
  balance: 0,
  isBlocked: false
}

describe('ipc router', () => {
  it('parses the request, calls the handler and checks the answer', async () => {
    const seen: unknown[] = []
    const router = routerWith({
      'member:lookup': async (req) => {
        seen.push(req)
        return member
      }
    })
    expect(await router.dispatch('member:lookup', { query: '  1234567890123 ' }, DESK)).toEqual({
      ok: true,
      data: member
    })
    expect(seen).toEqual([{ query: '1234567890123' }])
  })

  it('refuses unknown channels, bad payloads and extra fields without calling handlers', async () => {
    let calls = 0
    const router = routerWith({ 'member:lookup': async () => (calls++, member) })
    expect(await router.dispatch('fs:read', {}, DESK)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await router.dispatch('__proto__', {}, DESK)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const bad = await router.dispatch('member:lookup', { query: '', extra: 1 }, DESK)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(calls).toBe(0)
  })

  it('answers (never rejects) for a channel that cannot be turned into a string', async () => {
    const router = routerWith({ 'member:lookup': async () => member })
    // What JSON.parse gives for {"channel": {"toString": 1}} over the browser host's WebSocket.
    await expect(router.dispatch({ toString: 1 }, {}, DESK)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    await expect(router.dispatch(Object.create(null), {}, DESK)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })

  it('passes refusals through and hides internal errors', async () => {
    const router = routerWith({
      'member:lookup': async () => {
        throw new DomainError('not-found', 'User not found')
      },
      'status:get': async () => {
        throw new Error('db path /secret leaked?')
      }
    })
    expect(await router.dispatch('member:lookup', { query: 'x' }, DESK)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'User not found' }
    })
    const internal = await router.dispatch('status:get', {}, DESK)
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(internal)).not.toContain('/secret')
  })

  it('refuses an answer that breaks the contract', async () => {
    const router = routerWith({ 'member:lookup': async () => ({ ...member, stamps: 'many' }) as never })
    expect(await router.dispatch('member:lookup', { query: 'x' }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('refuses a sale without its invoice number: the key must be fixed before the first try', async () => {
    let calls = 0
    const router = routerWith({ 'sale:submit': async () => (calls++, null) as never })
    const r = await router.dispatch('sale:submit', { user: 'customer@stamps.co.id', totalValue: 10_000 }, DESK)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [['invoiceNumber', expect.any(String)]] }
    })
    expect(calls).toBe(0)
  })

  it('requires the session the contract declares before calling the handler', async () => {
    let calls = 0
    const open = new Set<string>()
    const router = routerWith(
      { 'balance:last': async () => (calls++, { last: null }), 'status:get': async () => (calls++, null) as never },
      {
        requireSession: (role) => {
          if (!open.has(role)) throw new DomainError('forbidden', 'Enter the PIN first.', [['session', role]])
        }
      }
    )
    expect(await router.dispatch('balance:last', {}, DESK)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Enter the PIN first.', fields: [['session', 'cashier']] }
    })
    expect(calls).toBe(0)
    open.add('cashier')
    expect(await router.dispatch('balance:last', {}, DESK)).toEqual({ ok: true, data: { last: null } })
    expect(calls).toBe(1)
  })

  it('maps a Stamps failure to what a person can act on, in one place', async () => {
    const router = routerWith({
      'member:lookup': async () => {
        throw new StampsError({ kind: 'network', detail: 'ECONNREFUSED 127.0.0.1:9', ambiguous: false })
      }
    })
    const r = await router.dispatch('member:lookup', { query: 'x' }, DESK)
    expect(r).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    expect(JSON.stringify(r)).not.toContain('ECONNREFUSED')
  })

  it('refuses to register a channel twice: one domain owns each channel', () => {
    const router = routerWith({ 'status:get': async () => null as never })
    expect(() => router.register({ 'status:get': async () => null as never })).toThrow(/registered twice/)
  })
})
