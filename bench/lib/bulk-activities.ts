/** Fills a sandbox database with many activities in one SQL statement, for page-latency runs. */
import { openDb } from '../../src/server/db/open-db'
import { seedDemo } from '../../src/server/seed/demo-seed'

/** A typical sale activity as the ledger stores it (its wire object minus id). */
const SALE_PAYLOAD = JSON.stringify({
  type: 0,
  created: 1_700_000_000,
  notes: '',
  merchant: { id: 14, name: 'Demo Coffee' },
  store: { name: 'Grand Indonesia', display_name: 'Grand Indonesia' },
  transaction: { stamps: 5, name: 'Transaction #1', status: 1, invoice_number: 'BULK-1', channel: 'POS' }
})

/**
 * Seeds the demo and appends `count` activities for the demo customer, spread over the group's
 * three merchants (14 gets half, 2 and 5 a quarter each): the worst case is one member with a
 * long history. Returns the customer's id range for deep cursors.
 */
export function fillActivities(dbPath: string, count: number): { minId: number; maxId: number } {
  const db = openDb(dbPath)
  try {
    seedDemo(db)
    const userId = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get('customer@stamps.co.id') as number
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
         INSERT INTO activities (user_id, group_id, merchant_id, payload)
         SELECT ?, 14, CASE x % 4 WHEN 1 THEN 2 WHEN 3 THEN 5 ELSE 14 END, ? FROM n`
      ).run(count, userId, SALE_PAYLOAD)
    }).immediate()
    db.pragma('wal_checkpoint(TRUNCATE)')
    return db.prepare('SELECT MIN(id) AS minId, MAX(id) AS maxId FROM activities WHERE user_id = ?').get(userId) as {
      minId: number
      maxId: number
    }
  } finally {
    db.close()
  }
}
