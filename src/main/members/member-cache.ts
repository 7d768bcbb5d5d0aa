/**
 * Members this till has read from Stamps lately, kept in `members.sqlite` so an offline desk can
 * still say who a card, phone or email belongs to and what Stamps last said about them. Bounded
 * by count and age, pruned as it grows; a lookup answers with the time of the read.
 */
import type Database from 'better-sqlite3'
import type { MembershipResponse } from '../../shared/stamps'
import type { Migrations } from '../../platform/sqlite/migrate'
import { openSqlite } from '../../platform/sqlite/open-sqlite'

/** Append only (see platform/sqlite/migrate.ts). */
export const MEMBER_CACHE_MIGRATIONS: Migrations = [
  /* 1: one row per Stamps member, found again by any of its ids */ `
  CREATE TABLE members_seen (
    member_id INTEGER PRIMARY KEY,
    looked_up_as TEXT NOT NULL,
    card TEXT,
    phone TEXT,
    email TEXT COLLATE NOCASE,
    name TEXT NOT NULL,
    level INTEGER NOT NULL,
    level_text TEXT NOT NULL,
    stamps REAL NOT NULL,
    balance REAL NOT NULL,
    is_blocked INTEGER NOT NULL,
    read_at INTEGER NOT NULL
  );
  CREATE INDEX members_seen_card ON members_seen (card);
  CREATE INDEX members_seen_phone ON members_seen (phone);
  CREATE INDEX members_seen_email ON members_seen (email);
  CREATE INDEX members_seen_looked_up_as ON members_seen (looked_up_as);
  CREATE INDEX members_seen_read_at ON members_seen (read_at);
  `
]

export interface CachedMember {
  memberId: number
  card: string | null
  phone: string | null
  email: string | null
  name: string
  level: number
  levelText: string
  stamps: number
  balance: number
  isBlocked: boolean
  /** When Stamps said this (epoch ms). */
  readAt: number
}

export interface MemberCacheOptions {
  /** The most members kept; the least recently read go first. */
  maxMembers?: number
  /** Members not read for this long are dropped. */
  maxAgeMs?: number
  now?: () => number
}

interface Row {
  member_id: number
  card: string | null
  phone: string | null
  email: string | null
  name: string
  level: number
  level_text: string
  stamps: number
  balance: number
  is_blocked: number
  read_at: number
}

const DAY = 86_400_000

export class MemberCache {
  private readonly db: Database.Database
  private readonly s
  private readonly maxMembers: number
  private readonly maxAgeMs: number
  private readonly now: () => number
  private writes = 0

  constructor(path: string, opts: MemberCacheOptions = {}) {
    this.maxMembers = opts.maxMembers ?? 5_000
    this.maxAgeMs = opts.maxAgeMs ?? 30 * DAY
    this.now = opts.now ?? Date.now
    this.db = openSqlite(path, { synchronous: 'NORMAL', migrations: MEMBER_CACHE_MIGRATIONS })
    const p = (sql: string) => this.db.prepare(sql)
    this.s = {
      put: p(`INSERT INTO members_seen (member_id, looked_up_as, card, phone, email, name, level, level_text, stamps,
          balance, is_blocked, read_at)
        VALUES (@member_id, @looked_up_as, @card, @phone, @email, @name, @level, @level_text, @stamps, @balance,
          @is_blocked, @read_at)
        ON CONFLICT (member_id) DO UPDATE SET looked_up_as = excluded.looked_up_as, card = excluded.card,
          phone = excluded.phone, email = excluded.email, name = excluded.name, level = excluded.level,
          level_text = excluded.level_text, stamps = excluded.stamps, balance = excluded.balance,
          is_blocked = excluded.is_blocked, read_at = excluded.read_at`),
      find: p(`SELECT * FROM members_seen WHERE looked_up_as = @id OR card = @id OR phone = @id OR email = @id
        ORDER BY read_at DESC LIMIT 1`),
      pruneAge: p('DELETE FROM members_seen WHERE read_at < ?'),
      pruneCount: p(
        'DELETE FROM members_seen WHERE member_id IN (SELECT member_id FROM members_seen ORDER BY read_at DESC LIMIT -1 OFFSET ?)'
      ),
      count: p('SELECT count(*) FROM members_seen').pluck()
    }
    this.prune()
  }

  /** Records what Stamps just said about the member found by `lookedUpAs`. */
  put(lookedUpAs: string, d: MembershipResponse): void {
    this.s.put.run({
      member_id: d.user.id,
      looked_up_as: lookedUpAs,
      card: d.membership.primary_card?.number ?? null,
      phone: d.user.mobile_phone,
      email: d.user.email,
      name: d.user.name,
      level: d.membership.level,
      level_text: d.membership.level_text,
      stamps: d.membership.stamps,
      balance: d.membership.balance,
      is_blocked: d.membership.is_blocked ? 1 : 0,
      read_at: this.now()
    })
    // Pruning every write would cost a sort per lookup; every 50th keeps it within 50 of the bound.
    if (++this.writes % 50 === 0) this.prune()
  }

  /** The member last read under any of their ids (card, phone, email, or the id looked up by). */
  find(id: string): CachedMember | undefined {
    const row = this.s.find.get({ id }) as Row | undefined
    if (!row || row.read_at < this.now() - this.maxAgeMs) return undefined
    return {
      memberId: row.member_id,
      card: row.card,
      phone: row.phone,
      email: row.email,
      name: row.name,
      level: row.level,
      levelText: row.level_text,
      stamps: row.stamps,
      balance: row.balance,
      isBlocked: row.is_blocked === 1,
      readAt: row.read_at
    }
  }

  /** Drops members older than the age bound, then the least recently read beyond the count bound. */
  prune(): number {
    const old = this.s.pruneAge.run(this.now() - this.maxAgeMs).changes
    return old + this.s.pruneCount.run(this.maxMembers).changes
  }

  size(): number {
    return this.s.count.get() as number
  }

  close(): void {
    this.db.close()
  }
}
