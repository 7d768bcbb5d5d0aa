/** Merchants, their groups, stores, API keys and per-merchant rules (stamps rule, levels). */
import { STORE_TIME_ZONE } from '../../shared/local-day'
import type { Db } from '../db/open-db'
import { sql } from '../db/statements'

export interface MerchantRow {
  id: number
  name: string
  group_id: number
  stamps_per_value: number
}
export interface StoreRow {
  id: number
  merchant_id: number
  name: string
  display_name: string
  time_zone: string
}
export interface LevelRule {
  name: string
  minSpending: number
}

/** Sandbox default levels: Blue from the start, Silver from Rp 1,000,000, Gold from Rp 5,000,000. */
export const DEFAULT_LEVELS: readonly LevelRule[] = [
  { name: 'Blue', minSpending: 0 },
  { name: 'Silver', minSpending: 1_000_000 },
  { name: 'Gold', minSpending: 5_000_000 }
]

/** Sandbox default stamps rule: one stamp per Rp 10,000 of total_value. */
export const DEFAULT_STAMPS_PER_VALUE = 10_000

/**
 * Merchants, keys, stores and group lists are read on every request and change only through
 * ensureMerchant/configureMerchant, so found rows are cached per connection (frozen) and the
 * cache is dropped on every such change. Misses are never cached: random keys cannot grow it.
 * A change made by another process on the same file shows after a restart.
 */
const caches = new WeakMap<Db, Map<string, unknown>>()

/** A configuration row from the per-connection cache, loaded on a miss. */
export function cachedConfig<T>(db: Db, key: string, load: () => T | undefined): T | undefined {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  if (cache.has(key)) return cache.get(key) as T
  const value = load()
  if (value !== undefined) cache.set(key, Object.freeze(value))
  return value
}

/** Forgets cached configuration after a merchant, key, store or rule changed. */
export function invalidateMerchantCache(db: Db): void {
  caches.delete(db)
}

export function getMerchant(db: Db, id: number): MerchantRow | undefined {
  return cachedConfig(
    db,
    `m:${id}`,
    () =>
      sql(db, 'SELECT id, name, group_id, stamps_per_value FROM merchants WHERE id = ?').get(id) as
        MerchantRow | undefined
  )
}

/** The merchant a static API key belongs to. */
export function merchantForKey(db: Db, key: string): MerchantRow | undefined {
  return cachedConfig(db, `k:${key}`, () => {
    const id = sql(db, 'SELECT merchant_id FROM api_keys WHERE key = ?').pluck().get(key) as number | undefined
    return id === undefined ? undefined : getMerchant(db, id)
  })
}

export function getStore(db: Db, id: number): StoreRow | undefined {
  return cachedConfig(
    db,
    `s:${id}`,
    () =>
      sql(db, 'SELECT id, merchant_id, name, display_name, time_zone FROM stores WHERE id = ?').get(id) as
        StoreRow | undefined
  )
}

/** Ids of every merchant in a group, ascending. */
export function groupMerchantIds(db: Db, groupId: number): readonly number[] {
  return (
    cachedConfig(
      db,
      `g:${groupId}`,
      () => sql(db, 'SELECT id FROM merchants WHERE group_id = ? ORDER BY id').pluck().all(groupId) as number[]
    ) ?? []
  )
}

export interface MerchantSpec {
  id: number
  name: string
  /** Join this existing group; omitted: the merchant is a group of one (group id = merchant id). */
  groupId?: number
  stampsPerValue?: number
  levels?: readonly LevelRule[]
  keys?: readonly string[]
  stores?: ReadonlyArray<{ id: number; name: string; displayName?: string; timeZone?: string }>
}

/** Creates a merchant with its stores and keys, or leaves an existing one as is (idempotent). */
export function ensureMerchant(db: Db, spec: MerchantSpec): void {
  db.transaction(() => {
    const groupId = spec.groupId ?? spec.id
    sql(db, 'INSERT OR IGNORE INTO merchant_groups (id, name, program_merchant_id) VALUES (?, ?, ?)').run(
      groupId,
      spec.name,
      spec.id
    )
    const created = sql(
      db,
      'INSERT OR IGNORE INTO merchants (id, name, group_id, stamps_per_value) VALUES (?, ?, ?, ?)'
    ).run(spec.id, spec.name, groupId, spec.stampsPerValue ?? DEFAULT_STAMPS_PER_VALUE).changes
    if (created) setLevels(db, spec.id, spec.levels ?? DEFAULT_LEVELS)
    for (const key of spec.keys ?? [])
      sql(db, 'INSERT OR IGNORE INTO api_keys (key, merchant_id) VALUES (?, ?)').run(key, spec.id)
    for (const s of spec.stores ?? []) {
      sql(
        db,
        'INSERT OR IGNORE INTO stores (id, merchant_id, name, display_name, time_zone) VALUES (?, ?, ?, ?, ?)'
      ).run(s.id, spec.id, s.name, s.displayName ?? s.name, s.timeZone ?? STORE_TIME_ZONE)
    }
  }).immediate()
  invalidateMerchantCache(db)
}

/** Changes a merchant's stamps rule and/or membership levels (levels are numbered from 1). */
export function configureMerchant(
  db: Db,
  id: number,
  rules: { stampsPerValue?: number; levels?: readonly LevelRule[] }
): void {
  db.transaction(() => {
    if (rules.stampsPerValue !== undefined) {
      if (!(rules.stampsPerValue > 0)) throw new RangeError('stampsPerValue must be positive')
      sql(db, 'UPDATE merchants SET stamps_per_value = ? WHERE id = ?').run(rules.stampsPerValue, id)
    }
    if (rules.levels) setLevels(db, id, rules.levels)
  }).immediate()
  invalidateMerchantCache(db)
}

function setLevels(db: Db, merchantId: number, levels: readonly LevelRule[]): void {
  if (levels.length === 0 || levels[0]!.minSpending !== 0) throw new RangeError('the first level must start at 0')
  sql(db, 'DELETE FROM merchant_levels WHERE merchant_id = ?').run(merchantId)
  levels.forEach((l, i) =>
    sql(db, 'INSERT INTO merchant_levels (merchant_id, number, name, min_spending_cents) VALUES (?, ?, ?, ?)').run(
      merchantId,
      i + 1,
      l.name,
      Math.round(l.minSpending * 100)
    )
  )
}
