/**
 * Balance updates whose outcome is unknown, kept on disk: after a restart the till can still
 * ask Stamps' history about them ("check again") instead of a person hunting through it.
 */
import Database from 'better-sqlite3'
import { privateDatabase } from '../../platform/fs/private-files'
import { balanceUpdateRequestSchema } from '../../shared/stamps'
import { z } from 'zod'
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

export class UnknownUpdateStore {
  private readonly db: Database.Database

  constructor(path: string) {
    this.db = new Database(path)
    privateDatabase(path)
    this.db.pragma('journal_mode = WAL')
    // Money: an unknown update must outlive a power cut, so each write is fsynced.
    this.db.pragma('synchronous = FULL')
    this.db.exec(`CREATE TABLE IF NOT EXISTS balance_unknowns (
      ticket_id TEXT PRIMARY KEY, reason TEXT NOT NULL, ticket TEXT NOT NULL, created_at INTEGER NOT NULL)`)
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
