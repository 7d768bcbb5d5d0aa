/** The ledger called directly on a real temporary SQLite file: the money rules, one by one. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../db/open-db'
import { seedDemo } from '../seed/demo-seed'
import {
  activityObjects,
  addTransaction,
  cancelBalanceUpdate,
  cancelTransaction,
  configureMerchant,
  creditBalance,
  debitBalance,
  ensureMerchant,
  groupActivities,
  LedgerError,
  memberActivities,
  membershipDetails,
  previewEarnings
} from './index'

let dir: string
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stamps-ledger-'))
  db = openDb(join(dir, 'l.db'))
  seedDemo(db)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const USER = 'customer@stamps.co.id'
let n = 0
const sale = (total: number, extra: object = {}) => ({
  user: USER,
  store: 2,
  invoice_number: `L-${++n}`,
  total_value: total,
  ...extra
})
const fields = (fn: () => unknown): Record<string, string> | string => {
  try {
    fn()
  } catch (e) {
    if (e instanceof LedgerError) return e.kind === 'not_found' ? 'not_found' : { ...e.fields }
    throw e
  }
  throw new Error('expected a LedgerError')
}
const feed = (merchantId = 14) => activityObjects(memberActivities(db, merchantId, { user: USER }))

describe('stamps ledger', () => {
  it('earns floor(total / 10000) stamps by default, and the merchant rule when configured', () => {
    expect(addTransaction(db, 14, sale(15000)).transaction.stamps_earned).toBe(1)
    expect(addTransaction(db, 14, sale(9999)).transaction.stamps_earned).toBe(0)
    configureMerchant(db, 14, { stampsPerValue: 1000 })
    expect(addTransaction(db, 14, sale(15000)).customer.stamps_remaining).toBe(16)
    expect(previewEarnings(db, 14, { store: 2, total_value: 2500 })).toEqual({ stamps: 2 })
  })

  it('upgrades through levels with type 5 activities and downgrades on cancel with type 6', () => {
    const a = addTransaction(db, 14, sale(999_999))
    expect(a.customer.status).toBe('Blue')
    const b = addTransaction(db, 14, sale(1))
    expect(b.customer.status).toBe('Silver')
    const c = addTransaction(db, 14, sale(4_000_000))
    expect(c.customer.status).toBe('Gold')
    expect(
      feed()
        .slice(0, 2)
        .map((x) => [x.type, x.notes])
    ).toEqual([
      [5, 'Upgraded to Gold'],
      [0, '']
    ])
    const undone = cancelTransaction(db, 14, c.transaction.id)
    expect(undone).toMatchObject({
      customer: { status: 'Silver', stamps_remaining: 99 },
      transaction: { status: 'Canceled', stamps_earned: 400 }
    })
    const top = feed()[0]!
    expect([top.type, top.notes]).toEqual([6, 'Downgraded to Silver'])
    expect(membershipDetails(db, 14, { user: USER, merchant: 14 }).membership).toMatchObject({
      level: 2,
      level_text: 'Silver',
      stamps: 99
    })
  })

  it('honours per-merchant levels', () => {
    configureMerchant(db, 14, {
      levels: [
        { name: 'Bronze', minSpending: 0 },
        { name: 'Platinum', minSpending: 50_000 }
      ]
    })
    expect(addTransaction(db, 14, sale(60_000)).customer.status).toBe('Platinum')
    expect(feed()[0]!.notes).toBe('Upgraded to Platinum')
  })

  it('cancels exactly once, marks the sale activity canceled, and refuses when stamps were spent', () => {
    const t = addTransaction(db, 14, sale(50_000))
    expect(cancelTransaction(db, 14, t.transaction.id).customer.stamps_remaining).toBe(0)
    expect((feed().find((x) => x.type === 0)!.transaction as { status: number }).status).toBe(2)
    expect(fields(() => cancelTransaction(db, 14, t.transaction.id))).toEqual({
      info: 'Transaction has already been canceled'
    })
    expect(fields(() => cancelTransaction(db, 14, 999_999))).toBe('not_found')
    expect(fields(() => cancelTransaction(db, 5, t.transaction.id))).toBe('not_found')
    // a sale whose stamps are no longer all there cannot be canceled, and nothing changes
    const u = addTransaction(db, 14, sale(50_000))
    db.prepare('UPDATE memberships SET stamps = 3').run()
    expect(fields(() => cancelTransaction(db, 14, u.transaction.id))).toEqual({
      info: "Transaction can't be canceled due to insufficient Stamps"
    })
    expect(db.prepare('SELECT status FROM transactions WHERE id = ?').pluck().get(u.transaction.id)).toBe(1)
  })

  it('keeps invoice numbers unique per store per Jakarta day, with nothing written on refusal', () => {
    addTransaction(db, 14, { ...sale(10_000), invoice_number: 'X' }, Date.UTC(2024, 0, 1, 16, 59))
    const before = db.prepare('SELECT COUNT(*) FROM activities').pluck().get()
    expect(
      fields(() => addTransaction(db, 14, { ...sale(10_000), invoice_number: 'X' }, Date.UTC(2024, 0, 1, 0, 0)))
    ).toEqual({
      invoice_number: 'Transaction with this invoice number already exists'
    })
    expect(db.prepare('SELECT COUNT(*) FROM activities').pluck().get()).toBe(before)
    expect(() =>
      addTransaction(db, 14, { ...sale(10_000), invoice_number: 'X' }, Date.UTC(2024, 0, 1, 17, 0))
    ).not.toThrow()
    expect(membershipDetails(db, 14, { user: USER, merchant: 14 }).membership.stamps).toBe(2)
  })
})

describe('balance ledger', () => {
  const change = { user: USER, amount: 500, merchant: 14, store: 3 }
  it('credits, debits and cancels, separate from stamps', () => {
    const c = creditBalance(db, 14, change)
    expect(c).toEqual({
      customer: { id: c.customer.id, balance: 500, status: 'Blue' },
      balance_update: { id: c.balance_update.id, amount: 500 }
    })
    const d = debitBalance(db, 14, { ...change, amount: 199.99 })
    expect(d.customer.balance).toBe(300.01)
    expect(membershipDetails(db, 14, { user: USER, merchant: 14 }).membership).toMatchObject({
      stamps: 0,
      balance: 300.01
    })
    expect(cancelBalanceUpdate(db, 14, d.balance_update.id)).toMatchObject({
      customer: { balance: 500 },
      balance_update: { status: 'Canceled', amount: 199.99 }
    })
    expect(fields(() => cancelBalanceUpdate(db, 14, d.balance_update.id))).toEqual({
      id: 'Balance update has already been canceled'
    })
    expect(fields(() => cancelBalanceUpdate(db, 14, 12345))).toBe('not_found')
    const acts = feed()
      .filter((x) => x.type === 7)
      .map((x) => x.balance_update)
    expect(acts).toEqual([
      { transaction_number: `BU-${d.balance_update.id}`, amount: -199.99, status: 2, balance_type: 1 },
      { transaction_number: `BU-${c.balance_update.id}`, amount: 500, status: 1, balance_type: 1 }
    ])
  })

  it('never goes negative: overdraw and cancelling a spent credit are refused', () => {
    const c = creditBalance(db, 14, change)
    expect(fields(() => debitBalance(db, 14, { ...change, amount: 500.01 }))).toEqual({
      amount: 'Insufficient balance'
    })
    debitBalance(db, 14, { ...change, amount: 400 })
    expect(fields(() => cancelBalanceUpdate(db, 14, c.balance_update.id))).toEqual({ amount: 'Insufficient balance' })
    expect(membershipDetails(db, 14, { user: USER, merchant: 14 }).membership.balance).toBe(100)
    expect(() => db.prepare('UPDATE memberships SET balance_cents = -1').run()).toThrow(/CHECK/)
    // a credit that would take the balance past exact integers is refused, not rounded
    db.prepare('UPDATE memberships SET balance_cents = ?').run(Number.MAX_SAFE_INTEGER - 10)
    expect(fields(() => creditBalance(db, 14, { ...change, amount: 1 }))).toEqual({
      amount: "The member's ledger cannot hold this amount"
    })
  })
})

describe('merchant groups', () => {
  it('shares one membership across the group; activities belong to the merchant that made them', () => {
    addTransaction(db, 2, { ...sale(20_000), store: 201 })
    addTransaction(db, 5, { ...sale(30_000), store: 301 })
    expect(membershipDetails(db, 14, { user: USER, merchant: 5 }).membership.stamps).toBe(5)
    expect(feed(2).map((x) => x.type)).toEqual([0])
    expect(feed(14).map((x) => x.type)).toEqual([9])
    const all = activityObjects(groupActivities(db, 14, { user: USER }))
    expect(all.map((x) => (x.merchant as { id: number } | undefined)?.id ?? 14)).toEqual([5, 2, 14])
    const narrowed = activityObjects(groupActivities(db, 14, { user: USER, merchant_id: [2, 99] }))
    expect(narrowed.map((x) => (x.merchant as { id: number }).id)).toEqual([2])
  })

  it('a merchant outside any group has its own members', () => {
    ensureMerchant(db, { id: 77, name: 'Solo', keys: ['solo'], stores: [{ id: 700, name: 'S1' }] })
    expect(fields(() => addTransaction(db, 77, { ...sale(10_000), store: 700 }))).toEqual({ user: 'User not found' })
    expect(fields(() => membershipDetails(db, 77, { user: USER, merchant: 14 }))).toEqual({
      merchant: 'Select a valid choice. That choice is not one of the available choices.'
    })
  })

  it('seeding twice changes nothing', () => {
    const count = () =>
      db
        .prepare(
          'SELECT (SELECT COUNT(*) FROM activities) || (SELECT COUNT(*) FROM memberships) || (SELECT COUNT(*) FROM stores)'
        )
        .pluck()
        .get()
    const before = count()
    seedDemo(db)
    expect(count()).toBe(before)
    expect(before).toBe('226') // 2 registrations, 2 memberships, 6 stores
  })
})
