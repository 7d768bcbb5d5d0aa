/** Rows of captured jobs: begun, appended chunk by chunk, closed whole, then forwarded or held. */
import type Database from 'better-sqlite3'
import { z } from 'zod'

export const captureJobStateSchema = z.enum(['receiving', 'captured', 'forwarding', 'forwarded', 'held', 'interrupted'])
export type CaptureJobState = z.infer<typeof captureJobStateSchema>
export type EndReason = 'closed' | 'idle' | 'too-large' | 'host-stopped'
export type CaptureKind = 'sale' | 'other' | 'unsure'

export interface CaptureJob {
  id: number
  state: CaptureJobState
  bytes: Uint8Array
  size: number
  endReason: EndReason | null
  kind: CaptureKind | null
  extract: unknown
  footer: boolean
  reason: string | null
  attempts: number
  receivedAt: number
  endedAt: number | null
  forwardedAt: number | null
}

interface Row {
  id: number
  state: CaptureJobState
  bytes: Buffer | null
  size: number
  end_reason: EndReason | null
  kind: CaptureKind | null
  extract: string | null
  footer: number
  reason: string | null
  attempts: number
  received_at: number
  ended_at: number | null
  forwarded_at: number | null
}

const toJob = (r: Row): CaptureJob => ({
  id: r.id,
  state: r.state,
  bytes: r.bytes ? new Uint8Array(r.bytes) : new Uint8Array(),
  size: r.size,
  endReason: r.end_reason,
  kind: r.kind,
  extract: r.extract === null ? null : JSON.parse(r.extract),
  footer: r.footer === 1,
  reason: r.reason,
  attempts: r.attempts,
  receivedAt: r.received_at,
  endedAt: r.ended_at,
  forwardedAt: r.forwarded_at
})

export class CaptureStore {
  constructor(private readonly db: Database.Database) {}

  begin(now: number): number {
    const r = this.db.prepare(`INSERT INTO capture_jobs (state, received_at) VALUES ('receiving', ?)`).run(now)
    return Number(r.lastInsertRowid)
  }

  /** Commits one chunk of a job still arriving; returns the job's size so far. */
  append(id: number, bytes: Uint8Array): number {
    return this.db.transaction(() => {
      const seq = this.db.prepare('SELECT count(*) FROM capture_chunks WHERE job_id = ?').pluck().get(id) as number
      this.db.prepare('INSERT INTO capture_chunks (job_id, seq, bytes) VALUES (?, ?, ?)').run(id, seq, bytes)
      this.db.prepare('UPDATE capture_jobs SET size = size + ? WHERE id = ?').run(bytes.length, id)
      return this.db.prepare('SELECT size FROM capture_jobs WHERE id = ?').pluck().get(id) as number
    })()
  }

  /** Joins the chunks into the job's bytes, in one commit, and moves it to `state`. */
  finish(id: number, reason: EndReason, now: number, state: 'captured' | 'interrupted' | 'held' = 'captured'): void {
    this.db.transaction(() => {
      const chunks = this.db
        .prepare('SELECT bytes FROM capture_chunks WHERE job_id = ? ORDER BY seq')
        .pluck()
        .all(id) as Buffer[]
      this.db
        .prepare(`UPDATE capture_jobs SET state = ?, bytes = ?, end_reason = ?, ended_at = ? WHERE id = ?`)
        .run(state, Buffer.concat(chunks), reason, now, id)
      this.db.prepare('DELETE FROM capture_chunks WHERE job_id = ?').run(id)
    })()
  }

  /**
   * After a stop: a job still arriving is kept as `interrupted` (the POS saw its connection drop and
   * sends it again; printing half a receipt is worse than none); one being forwarded may have
   * printed, so a person decides (`held`). Returns how many of each.
   */
  recover(now: number): { interrupted: number; held: number } {
    const receiving = this.db.prepare(`SELECT id FROM capture_jobs WHERE state = 'receiving'`).pluck().all() as number[]
    for (const id of receiving) this.finish(id, 'host-stopped', now, 'interrupted')
    const held = this.db
      .prepare(`UPDATE capture_jobs SET state = 'held', reason = 'stopped-while-printing' WHERE state = 'forwarding'`)
      .run().changes
    return { interrupted: receiving.length, held }
  }

  get(id: number): CaptureJob | undefined {
    const r = this.db.prepare('SELECT * FROM capture_jobs WHERE id = ?').get(id) as Row | undefined
    return r && toJob(r)
  }

  /** Captured jobs waiting for the printer, oldest first. */
  waiting(): CaptureJob[] {
    return (this.db.prepare(`SELECT * FROM capture_jobs WHERE state = 'captured' ORDER BY id`).all() as Row[]).map(
      toJob
    )
  }

  /** The newest jobs, newest first. */
  recent(limit: number): CaptureJob[] {
    return (this.db.prepare('SELECT * FROM capture_jobs ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(toJob)
  }

  classify(id: number, kind: CaptureKind, extract: unknown): void {
    this.db.prepare('UPDATE capture_jobs SET kind = ?, extract = ? WHERE id = ?').run(kind, JSON.stringify(extract), id)
  }

  forwarding(id: number): void {
    this.db
      .prepare(
        `UPDATE capture_jobs SET state = 'forwarding', attempts = attempts + 1 WHERE id = ? AND state = 'captured'`
      )
      .run(id)
  }

  forwarded(id: number, footer: boolean, now: number): void {
    this.db
      .prepare(`UPDATE capture_jobs SET state = 'forwarded', footer = ?, forwarded_at = ?, reason = NULL WHERE id = ?`)
      .run(footer ? 1 : 0, now, id)
  }

  /** Back to waiting (nothing reached the printer) or held for a person (some of it may have). */
  failed(id: number, reason: string, hold: boolean): void {
    this.db
      .prepare('UPDATE capture_jobs SET state = ?, reason = ? WHERE id = ?')
      .run(hold ? 'held' : 'captured', reason, id)
  }
}
