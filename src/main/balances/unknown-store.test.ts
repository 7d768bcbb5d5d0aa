/** Unknown balance outcomes on a real file, including one written before the file had a version. */
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { oldBalanceUnknownsFile } from '../../../tests/fixtures/sqlite/legacy-files'
import { tempDir } from '../../../tests/support/temp-files'
import { StampsError } from '../stamps'
import { UNKNOWN_MIGRATIONS, UnknownUpdateStore } from './unknown-store'

const request = { user: 'customer@stamps.co.id', amount: 25_000, type: 'stamps' as const, merchant: 14, store: 2 }

describe('UnknownUpdateStore', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('reads back the unknowns an older build left, and versions the file', () => {
    const old = oldBalanceUnknownsFile(tmp.file('balances.sqlite'))
    // As that build's put() wrote a row: the ticket as JSON, its error as words only.
    const ticket = JSON.stringify({ direction: 'debit', request, sinceActivityId: 41, detail: 'socket hang up' })
    old
      .prepare('INSERT INTO balance_unknowns (ticket_id, reason, ticket, created_at) VALUES (?, ?, ?, ?)')
      .run('t-1', 'no answer', ticket, 5)
    old.close()

    const store = new UnknownUpdateStore(tmp.file('balances.sqlite'))
    const [u, ...rest] = store.all()
    expect(rest).toEqual([])
    expect(u).toMatchObject({
      ticketId: 't-1',
      direction: 'debit',
      user: request.user,
      amount: 25_000,
      reason: 'no answer'
    })
    expect(u!.ticket).toMatchObject({ direction: 'debit', request, sinceActivityId: 41 })
    expect(u!.ticket.error).toBeInstanceOf(StampsError)
    expect(u!.ticket.error.detail).toBe('socket hang up')
    store.close()
    const raw = new Database(tmp.file('balances.sqlite'), { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(UNKNOWN_MIGRATIONS.length)
    raw.close()
  })

  it('keeps what put() wrote across a reopen until it is deleted', () => {
    const path = tmp.file('balances.sqlite')
    const first = new UnknownUpdateStore(path)
    const error = new StampsError({ kind: 'network', detail: 'timeout', ambiguous: true })
    first.put({
      ticketId: 't-2',
      direction: 'credit',
      user: request.user,
      amount: request.amount,
      reason: 'timed out',
      ticket: { direction: 'credit', request, sinceActivityId: 7, error }
    })
    first.close()
    const second = new UnknownUpdateStore(path)
    expect(second.all().map((u) => [u.ticketId, u.ticket.sinceActivityId, u.ticket.error.detail])).toEqual([
      ['t-2', 7, 'timeout']
    ])
    second.delete('t-2')
    expect(second.all()).toEqual([])
    second.close()
  })
})
