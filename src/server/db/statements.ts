/** Prepared-statement cache: each SQL text is compiled once per connection and reused. */
import type { Statement } from 'better-sqlite3'
import type { Db } from './open-db'

const caches = new WeakMap<Db, Map<string, Statement>>()

/** The prepared statement for `text` on `db`, compiled on first use. */
export function sql(db: Db, text: string): Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let stmt = cache.get(text)
  if (!stmt) cache.set(text, (stmt = db.prepare(text)))
  return stmt
}

/** True when `err` is SQLite refusing a row over a UNIQUE index or primary key. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
