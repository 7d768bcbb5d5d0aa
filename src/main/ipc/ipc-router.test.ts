import { describe, expect, it } from 'vitest'
import { createIpcRouter, IpcRefusal } from './ipc-router'

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
    const router = createIpcRouter({
      'member:lookup': async (req) => {
        seen.push(req)
        return member
      }
    })
    expect(await router.dispatch('member:lookup', { query: '  1234567890123 ' })).toEqual({ ok: true, data: member })
    expect(seen).toEqual([{ query: '1234567890123' }])
  })

  it('refuses unknown channels, bad payloads and extra fields without calling handlers', async () => {
    let calls = 0
    const router = createIpcRouter({ 'member:lookup': async () => (calls++, member) })
    expect(await router.dispatch('fs:read', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await router.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const bad = await router.dispatch('member:lookup', { query: '', extra: 1 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(calls).toBe(0)
  })

  it('answers (never rejects) for a channel that cannot be turned into a string', async () => {
    const router = createIpcRouter({ 'member:lookup': async () => member })
    // What JSON.parse gives for {"channel": {"toString": 1}} over the browser host's WebSocket.
    await expect(router.dispatch({ toString: 1 }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    await expect(router.dispatch(Object.create(null), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })

  it('passes refusals through and hides internal errors', async () => {
    const router = createIpcRouter({
      'member:lookup': async () => {
        throw new IpcRefusal('not-found', 'User not found')
      },
      'status:get': async () => {
        throw new Error('db path /secret leaked?')
      }
    })
    expect(await router.dispatch('member:lookup', { query: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'User not found' }
    })
    const internal = await router.dispatch('status:get', {})
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(internal)).not.toContain('/secret')
  })

  it('refuses an answer that breaks the contract', async () => {
    const router = createIpcRouter({ 'member:lookup': async () => ({ ...member, stamps: 'many' }) as never })
    expect(await router.dispatch('member:lookup', { query: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })

  it('refuses a sale without its invoice number: the key must be fixed before the first try', async () => {
    let calls = 0
    const router = createIpcRouter({ 'sale:submit': async () => (calls++, null) as never })
    const r = await router.dispatch('sale:submit', { user: 'customer@stamps.co.id', totalValue: 10_000 })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [['invoiceNumber', expect.any(String)]] }
    })
    expect(calls).toBe(0)
  })
})
