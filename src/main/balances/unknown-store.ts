/**
 * Balance updates whose outcome is unknown, kept on disk: after a restart the till can still
 * ask Stamps' history about them ("check again") instead of a person hunting through it.
 */
import type Database from 'better-sqlite3'
import { balanceUpdateRequestSchema } from '../../shared/stamps'
import { z } from 'zod'
import type { Migrations } from '../../platform/sqlite/migrate'
import { openSqlite } from '../../platform/sqlite/open-sqlite'
import { StampsError, type ReconcileTicket } from '../stamps'

export interface UnknownUpdate {
  ticketId: string
  direction: 'credit' | 'debit'
  user: string
  amount: number
  reason: string
  ticket: ReconcileTicket
}

const rowSchema = z.object({
  ticket_id: z.string(),
  reason: z.string(),
  ticket: z.string().transform((text) =>
    z
      .object({
        direction: z.enum(['credit', 'debit']),
        request: balanceUpdateRequestSchema,
        sinceActivityId: z.number().int(),
        detail: z.string()
      })
      .parse(JSON.parse(text))
  )
})

/** Append only: a shipped migration is never edited, a change is a new entry (see platform/sqlite/migrate.ts). */
export const UNKNOWN_MIGRATIONS: Migrations = [
  // IF NOT EXISTS: builds before user_version ran this very statement on every open, so their
  // files already have the table; on those this migration only records version 1.
  `CREATE TABLE IF NOT EXISTS balance_unknowns (
      ticket_id TEXT PRIMARY KEY, reason TEXT NOT NULL, ticket TEXT NOT NULL, created_at INTEGER NOT NULL)`
]

export class UnknownUpdateStore {
  private readonly db: Database.Database

  constructor(path: string) {
    // Money: an unknown update must outlive a power cut, so each write is fsynced.
    this.db = openSqlite(path, { synchronous: 'FULL', migrations: UNKNOWN_MIGRATIONS })
  }

  put(u: UnknownUpdate): void {
    const { direction, request, sinceActivityId, error } = u.ticket
    const ticket = JSON.stringify({ direction, request, sinceActivityId, detail: error.detail })
    this.db
      .prepare('INSERT OR REPLACE INTO balance_unknowns (ticket_id, reason, ticket, created_at) VALUES (?, ?, ?, ?)')
      .run(u.ticketId, u.reason, ticket, Date.now())
  }

  delete(ticketId: string): void {
    this.db.prepare('DELETE FROM balance_unknowns WHERE ticket_id = ?').run(ticketId)
  }

  /** Every open unknown, oldest first; the original error is kept as its words only. */
  all(): UnknownUpdate[] {
    return this.db
      .prepare('SELECT ticket_id, reason, ticket FROM balance_unknowns ORDER BY created_at')
      .all()
      .map((raw) => {
        const r = rowSchema.parse(raw)
        const { detail, ...rest } = r.ticket
        const error = new StampsError({ kind: 'network', detail, ambiguous: true })
        return {
          ticketId: r.ticket_id,
          direction: rest.direction,
          user: rest.request.user,
          amount: rest.request.amount,
          reason: r.reason,
          ticket: { ...rest, error }
        }
      })
  }

  close(): void {
    this.db.close()
  }
}
