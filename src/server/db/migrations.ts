/** Numbered schema migrations of the sandbox database (run by platform/sqlite); append only, never edit a shipped one. */

/**
 * Money hazard: rupiah amounts are stored as integer hundredths (`*_cents`) so balances and
 * cumulative spending never drift through float addition; the wire still speaks rupiah.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: merchants, members, ledgers, activities */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE merchant_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    -- whose membership levels the group's members climb
    program_merchant_id INTEGER
  );
  CREATE TABLE merchants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES merchant_groups(id),
    -- stamps rule: one stamp per this many rupiah of total_value, rounded down
    stamps_per_value INTEGER NOT NULL DEFAULT 10000 CHECK (stamps_per_value > 0)
  );
  CREATE TABLE merchant_levels (
    merchant_id INTEGER NOT NULL REFERENCES merchants(id),
    number INTEGER NOT NULL CHECK (number >= 1),
    name TEXT NOT NULL,
    min_spending_cents INTEGER NOT NULL CHECK (min_spending_cents >= 0),
    PRIMARY KEY (merchant_id, number)
  ) WITHOUT ROWID;
  CREATE TABLE stores (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL REFERENCES merchants(id),
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta'
  );
  CREATE TABLE api_keys (
    key TEXT PRIMARY KEY,
    merchant_id INTEGER NOT NULL REFERENCES merchants(id)
  ) WITHOUT ROWID;
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    mobile_phone TEXT UNIQUE,
    created_ms INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES merchant_groups(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    card_number TEXT UNIQUE,
    level_number INTEGER NOT NULL DEFAULT 1,
    stamps INTEGER NOT NULL DEFAULT 0 CHECK (stamps >= 0),
    -- the invariant lives in SQL too: no code path can leave a negative balance behind
    balance_cents INTEGER NOT NULL DEFAULT 0 CHECK (balance_cents >= 0),
    spending_cents INTEGER NOT NULL DEFAULT 0,
    start_date TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    UNIQUE (group_id, user_id)
  );
  CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL,
    store_id INTEGER NOT NULL,
    membership_id INTEGER NOT NULL,
    invoice_number TEXT NOT NULL,
    invoice_day TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    value REAL NOT NULL,
    stamps_earned INTEGER NOT NULL,
    status INTEGER NOT NULL DEFAULT 1,
    created_ms INTEGER NOT NULL,
    details TEXT NOT NULL
  );
  -- invoice numbers are unique per store per local day, enforced by the database itself
  CREATE UNIQUE INDEX transactions_invoice ON transactions (store_id, invoice_day, invoice_number);
  CREATE TABLE balance_updates (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL,
    store_id INTEGER NOT NULL,
    membership_id INTEGER NOT NULL,
    -- signed: credits positive, debits negative
    delta_cents INTEGER NOT NULL,
    amount REAL NOT NULL,
    status INTEGER NOT NULL DEFAULT 1,
    created_ms INTEGER NOT NULL
  );
  CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    group_id INTEGER NOT NULL,
    merchant_id INTEGER NOT NULL,
    transaction_id INTEGER,
    balance_update_id INTEGER,
    -- the wire object minus its id, rendered once at write time so a page read is O(page)
    payload TEXT NOT NULL
  );
  CREATE INDEX activities_by_merchant ON activities (user_id, merchant_id, id);
  CREATE INDEX activities_by_group ON activities (user_id, group_id, id);
  CREATE INDEX activities_transaction ON activities (transaction_id) WHERE transaction_id IS NOT NULL;
  CREATE INDEX activities_balance_update ON activities (balance_update_id) WHERE balance_update_id IS NOT NULL;
  `,
  /* 2: fewer index pages per commit. A ledger row points at its activity (cancel marks it in
     place), and group pages merge per-merchant index ranges, so three activity indexes go. */ `
  ALTER TABLE transactions ADD COLUMN activity_id INTEGER;
  ALTER TABLE balance_updates ADD COLUMN activity_id INTEGER;
  UPDATE transactions SET activity_id = (SELECT a.id FROM activities a WHERE a.transaction_id = transactions.id);
  UPDATE balance_updates SET activity_id = (SELECT a.id FROM activities a WHERE a.balance_update_id = balance_updates.id);
  DROP INDEX activities_by_group;
  DROP INDEX activities_transaction;
  DROP INDEX activities_balance_update;
  `
]
