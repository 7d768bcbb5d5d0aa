/** A sandbox file from an older build (schema version 1) opens, migrates and keeps its rows. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { MIGRATIONS } from './migrations'
import { jwtSecret, openDb } from './open-db'

describe('openDb on an existing file', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('takes a version 1 file to the current version with every row kept and linked', () => {
    const path = tmp.file('sandbox.sqlite')
    // Exactly as the builds before migration 2 left a file: migration 1 and user_version 1.
    const old = new Database(path)
    old.pragma('journal_mode = WAL')
    old.exec(MIGRATIONS[0] as string)
    old.pragma('user_version = 1')
    old.exec(`
      INSERT INTO meta (key, value) VALUES ('jwt_secret', 'old-secret');
      INSERT INTO merchant_groups (id, name) VALUES (1, 'G');
      INSERT INTO merchants (id, name, group_id) VALUES (14, 'Demo Coffee', 1);
      INSERT INTO stores (id, merchant_id, name, display_name) VALUES (2, 14, 's', 'S');
      INSERT INTO users (id, name, email, created_ms) VALUES (7, 'C', 'c@x.id', 1);
      INSERT INTO memberships (id, group_id, user_id, stamps, start_date, created_ms) VALUES (3, 1, 7, 5, '2024-01-01', 1);
      INSERT INTO transactions (id, merchant_id, store_id, membership_id, invoice_number, invoice_day, total_cents,
        value, stamps_earned, created_ms, details) VALUES (40, 14, 2, 3, 'INV-1', '2024-01-01', 5000000, 50000, 5, 1, '{}');
      INSERT INTO balance_updates (id, merchant_id, store_id, membership_id, delta_cents, amount, created_ms)
        VALUES (50, 14, 2, 3, 100000, 1000, 2);
      INSERT INTO activities (id, user_id, group_id, merchant_id, transaction_id, payload) VALUES (90, 7, 1, 14, 40, '{}');
      INSERT INTO activities (id, user_id, group_id, merchant_id, balance_update_id, payload) VALUES (91, 7, 1, 14, 50, '{}');
    `)
    old.close()

    const db = openDb(path)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(jwtSecret(db)).toBe('old-secret')
    expect(db.prepare('SELECT id, invoice_number, stamps_earned, activity_id FROM transactions').all()).toEqual([
      { id: 40, invoice_number: 'INV-1', stamps_earned: 5, activity_id: 90 }
    ])
    expect(db.prepare('SELECT id, delta_cents, activity_id FROM balance_updates').all()).toEqual([
      { id: 50, delta_cents: 100000, activity_id: 91 }
    ])
    expect(db.prepare('SELECT stamps FROM memberships WHERE id = 3').pluck().get()).toBe(5)
    db.close()
  })
})
