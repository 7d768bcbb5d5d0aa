/**
 * The members' cache over a real SQLite file (bounded and pruned), and the desk offline through
 * the host's IPC router over a real sandbox behind the fault proxy: a lookup answered from the
 * cache marked with the time of the read, and a sale for a member never seen that is queued and
 * posted with the typed id once Stamps is back (or lands in the queue for a person when refused).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { MembershipResponse } from '../../shared/stamps'
import { DEMO_MEMBERS } from '../../shared/stamps/demo'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { MemberCache } from './member-cache'

const member = (id: number, extra: { card?: string; phone?: string; email?: string } = {}): MembershipResponse => ({
  user: { id, name: `Member ${id}`, email: extra.email ?? `m${id}@example.com`, mobile_phone: extra.phone ?? null },
  membership: {
    level: 1,
    level_text: 'Blue',
    member_status: 'active',
    stamps: id * 10,
    balance: id * 1000,
    is_blocked: false,
    start_date: '2024-01-01',
    created: '2024-01-01T00:00:00+07:00',
    primary_card: extra.card ? { number: extra.card, is_active: true } : null
  }
})

describe('the member cache file', () => {
  const tmp = tempDir('member-cache-')
  afterEach(() => tmp.remove())

  it('finds a member by any id, keeps the last read, and stays bounded by count and age', () => {
    let now = 1_000_000
    const path = tmp.file('members.sqlite')
    const cache = new MemberCache(path, { maxMembers: 3, maxAgeMs: 10_000, now: () => now })
    cache.put('x@example.com', member(1, { card: '1111222233334', phone: '+6281100000001', email: 'X@Example.com' }))
    for (const id of ['1111222233334', '+6281100000001', 'x@example.com', 'X@EXAMPLE.COM'])
      expect(cache.find(id), id).toMatchObject({ memberId: 1, name: 'Member 1', stamps: 10, readAt: 1_000_000 })
    now += 1_000
    cache.put('1111222233334', {
      ...member(1, { card: '1111222233334' }),
      membership: { ...member(1).membership, stamps: 12 }
    })
    expect(cache.find('1111222233334')).toMatchObject({ stamps: 12, readAt: 1_001_000 })
    expect(cache.find('nobody@example.com')).toBeUndefined()

    for (let id = 2; id <= 6; id++) {
      now += 1_000
      cache.put(`m${id}@example.com`, member(id))
    }
    // Prunes at open and every 50th write: the bound holds after pruning, the newest kept.
    expect(cache.prune()).toBe(3)
    expect(cache.size()).toBe(3)
    expect(cache.find('m1@example.com')).toBeUndefined()
    expect(cache.find('m6@example.com')).toMatchObject({ memberId: 6 })
    cache.close()

    // Read too long ago: not an answer, and gone at the next open.
    now += 20_000
    const reopened = new MemberCache(path, { maxMembers: 3, maxAgeMs: 10_000, now: () => now })
    expect(reopened.size()).toBe(0)
    reopened.close()
  })
})

describe('the desk offline', () => {
  let rig: DeskRig
  afterEach(async () => {
    await rig.stop()
  })

  it('answers a lookup from the cache "as of" its read; a sale for a never-seen id queues and posts once with it', async () => {
    rig = await startDeskRig({ faults: true })
    await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
    const before = Date.now()
    const online = await rig.ok('member:lookup', { query: DEMO.customer })
    expect(online).toMatchObject({ name: 'Demo Customer', asOf: null })

    await rig.proxy!.setMode({ kind: 'refuse' })
    // Found by email, asked for by phone: the cache knows the member's phone from Stamps' answer.
    const cached = await rig.ok('member:lookup', { query: '0812-3456-7890' })
    expect(cached).toMatchObject({
      user: DEMO_MEMBERS.customer.mobilePhone,
      name: 'Demo Customer',
      stamps: online.stamps,
      balance: online.balance
    })
    expect(cached.asOf).toBeGreaterThanOrEqual(before)
    expect(cached.asOf).toBeLessThanOrEqual(Date.now())
    // Never seen: Stamps cannot say and neither can the cache.
    const secondPhone = DEMO_MEMBERS.second.mobilePhone
    expect(await rig.refused('member:lookup', { query: secondPhone })).toMatchObject({ code: 'unreachable' })

    // A sale for that id anyway: queued with stamps pending, posted with the typed id once Stamps is back.
    const sale = await rig.ok('sale:submit', { user: secondPhone, invoiceNumber: 'OFF-1', totalValue: 40_000 })
    expect(sale).toMatchObject({ state: 'queued', stampsEarned: null })
    const stray = await rig.ok('sale:submit', { user: '+6289999999999', invoiceNumber: 'OFF-2', totalValue: 10_000 })
    expect(stray.state).toBe('queued')
    expect(rig.sandbox.salesCount().get('2|OFF-1')).toBeUndefined()
    const stampsBefore = rig.stampsOf(DEMO.second)

    await rig.proxy!.setMode({ kind: 'pass' })
    await rig.ok('outbox:retry-now', {})
    await waitFor(
      async () => {
        const items = (await rig.ok('outbox:list', {})).items
        return items.find((i) => i.invoiceNumber === 'OFF-2')?.state === 'failed'
      },
      'the stray sale refused and held for a person',
      15_000
    )
    const today = await rig.ok('sale:today', {})
    expect(today.sales.find((s) => s.invoiceNumber === 'OFF-1')).toMatchObject({ state: 'posted', user: secondPhone })
    expect(today.sales.find((s) => s.invoiceNumber === 'OFF-2')).toMatchObject({ state: 'refused' })
    expect(rig.sandbox.salesCount().get('2|OFF-1')).toBe(1)
    expect(rig.stampsOf(DEMO.second)).toBe(stampsBefore + today.sales.find((s) => s.invoiceNumber === 'OFF-1')!.stamps!)
    // Back online the lookup is Stamps' own again.
    expect(await rig.ok('member:lookup', { query: DEMO.customer })).toMatchObject({ asOf: null })
  })

  it('on the kiosk, answers from the cache masked, as every kiosk answer is', async () => {
    rig = await startDeskRig({ faults: true, settings: { kiosk: { mode: 'kiosk' } } })
    expect(await rig.ok('member:lookup', { query: DEMO_MEMBERS.customer.cardNumber })).toMatchObject({ asOf: null })
    await rig.proxy!.setMode({ kind: 'refuse' })
    const cached = await rig.ok('member:lookup', { query: DEMO_MEMBERS.customer.cardNumber })
    expect(cached.name).toBe('Demo C*******')
    expect(cached.asOf).toEqual(expect.any(Number))
  })
})
