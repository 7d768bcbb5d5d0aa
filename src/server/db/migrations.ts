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
  `,
  /* 3: rewards, voucher templates and vouchers per merchant, redemptions, member PINs, and open
     sales (v2 transactions/add with an empty user), which have no membership */ `
  ALTER TABLE merchants ADD COLUMN redemption_requires_pin INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE users ADD COLUMN pin_hash TEXT;
  ALTER TABLE users ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN pin_failed_ms INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE transactions_v3 (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL,
    store_id INTEGER NOT NULL,
    membership_id INTEGER,
    invoice_number TEXT NOT NULL,
    invoice_day TEXT NOT NULL,
    total_cents INTEGER NOT NULL,
    value REAL NOT NULL,
    stamps_earned INTEGER NOT NULL,
    status INTEGER NOT NULL DEFAULT 1,
    created_ms INTEGER NOT NULL,
    details TEXT NOT NULL,
    activity_id INTEGER
  );
  INSERT INTO transactions_v3 SELECT id, merchant_id, store_id, membership_id, invoice_number, invoice_day, total_cents,
    value, stamps_earned, status, created_ms, details, activity_id FROM transactions;
  DROP TABLE transactions;
  ALTER TABLE transactions_v3 RENAME TO transactions;
  CREATE UNIQUE INDEX transactions_invoice ON transactions (store_id, invoice_day, invoice_number);
  CREATE TABLE voucher_templates (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL REFERENCES merchants(id),
    name TEXT NOT NULL,
    -- 1 Cross Promotion, 2 Regular, 3 Promotion, 4 Signup, 5 Birthday, 6 Referral, 7 Pregenerated, 8 Anniversary
    type INTEGER NOT NULL DEFAULT 2,
    short_description TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    instructions TEXT NOT NULL DEFAULT '',
    terms TEXT NOT NULL DEFAULT '',
    value REAL,
    validity_days INTEGER NOT NULL DEFAULT 30 CHECK (validity_days > 0),
    channels TEXT NOT NULL DEFAULT '[1,2,3,4,5,6]',
    picture_url TEXT NOT NULL DEFAULT '',
    landscape_picture_url TEXT NOT NULL DEFAULT '',
    extra_data TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE rewards (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL REFERENCES merchants(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    terms TEXT NOT NULL DEFAULT '',
    stamps_to_redeem INTEGER NOT NULL CHECK (stamps_to_redeem >= 0),
    -- 1 Product, 3 Benefit, 4 Voucher, 5 Flexible (the redeem call states the stamps)
    type INTEGER NOT NULL DEFAULT 1,
    -- the lowest membership level (number, 1 = everyone) that may redeem it
    min_level INTEGER NOT NULL DEFAULT 1,
    -- 1: every store of the merchant; 0: only those in reward_stores
    all_stores INTEGER NOT NULL DEFAULT 1,
    channels TEXT NOT NULL DEFAULT '[1,2,3,4,5,6]',
    is_active INTEGER NOT NULL DEFAULT 1,
    is_visible INTEGER NOT NULL DEFAULT 1,
    image_url TEXT NOT NULL DEFAULT '',
    extra_data TEXT NOT NULL DEFAULT '{}',
    -- a redemption of this reward issues a voucher of this template
    voucher_template_id INTEGER REFERENCES voucher_templates(id),
    UNIQUE (merchant_id, code)
  );
  CREATE TABLE reward_stores (
    reward_id INTEGER NOT NULL REFERENCES rewards(id),
    store_id INTEGER NOT NULL REFERENCES stores(id),
    PRIMARY KEY (reward_id, store_id)
  ) WITHOUT ROWID;
  CREATE TABLE vouchers (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES voucher_templates(id),
    membership_id INTEGER NOT NULL REFERENCES memberships(id),
    code TEXT NOT NULL UNIQUE,
    -- uses left: a use takes one, guarded so it never goes below zero
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    value REAL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL
  );
  CREATE INDEX vouchers_by_membership ON vouchers (membership_id, id);
  CREATE TABLE redemptions (
    id INTEGER PRIMARY KEY,
    merchant_id INTEGER NOT NULL,
    store_id INTEGER NOT NULL,
    membership_id INTEGER NOT NULL,
    reward_id INTEGER,
    voucher_id INTEGER,
    issued_voucher_id INTEGER,
    name TEXT NOT NULL,
    stamps_used INTEGER NOT NULL,
    qty INTEGER NOT NULL DEFAULT 1,
    invoice_number TEXT,
    channel INTEGER,
    extra_data TEXT NOT NULL DEFAULT '{}',
    -- 1 Created, 2 Canceled: cancel flips it once, guarded
    status INTEGER NOT NULL DEFAULT 1,
    created_ms INTEGER NOT NULL,
    activity_id INTEGER
  );
  CREATE TABLE pin_authorizations (
    user_id INTEGER NOT NULL REFERENCES users(id),
    request_id TEXT NOT NULL,
    expires_ms INTEGER NOT NULL,
    PRIMARY KEY (user_id, request_id)
  ) WITHOUT ROWID;
  `
]
