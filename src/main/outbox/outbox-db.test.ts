/** Outbox files written by older builds open with today's code, every sale and its state intact. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OUTBOX_SHIPPED, oldOutboxFile } from '../../../tests/fixtures/sqlite/legacy-files'
import { tempDir } from '../../../tests/support/temp-files'
import { Outbox, type OutboxClient } from './outbox'

/** Never called: these outboxes are opened and read, not started. */
const idle: OutboxClient = {
  addTransaction: () => Promise.reject(new Error('not in this test')),
  activities: () => Promise.reject(new Error('not in this test')),
  membership: () => Promise.reject(new Error('not in this test'))
}

const sale = (invoice: string) => ({
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: invoice,
  total_value: 20000
})
/** A row as older builds inserted it; `receipt` exists from migration 3 on. */
const insertSql = (receipt: boolean): string =>
  `INSERT INTO outbox_sales (store, invoice_number, local_date, payload, state, attempts, next_attempt_at,
    last_error, field_errors, response, duplicate, created_at, updated_at, posted_at${receipt ? ', receipt' : ''})
  VALUES (2, @invoice, '2024-06-01', @payload, @state, @attempts, 0, @error, @fields, @response, @duplicate, 10, 20,
    @postedAt${receipt ? ', @receipt' : ''})`
const posted = {
  customer: { status: 'Blue', id: 7, stamps_remaining: 12 },
  transaction: { stamps_earned: 2, id: 99, value: 20000 }
}

describe('an outbox file from an older build', () => {
  let tmp: ReturnType<typeof tempDir>
  let outbox: Outbox | undefined
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(async () => {
    await outbox?.close()
    tmp.remove()
  })

  it('at version 1 (no depth table, no receipt column) migrates with every sale kept', () => {
    const old = oldOutboxFile(tmp.file('outbox.sqlite'), 1)
    const insert = old.prepare(insertSql(false))
    const base = { error: null, fields: null, response: null, duplicate: 0, postedAt: null, attempts: 0 }
    insert.run({
      ...base,
      invoice: 'Q-1',
      payload: JSON.stringify(sale('Q-1')),
      state: 'queued',
      attempts: 3,
      error: 'ECONNREFUSED'
    })
    insert.run({
      ...base,
      invoice: 'P-1',
      payload: JSON.stringify(sale('P-1')),
      state: 'posted',
      attempts: 1,
      response: JSON.stringify(posted),
      duplicate: 1,
      postedAt: 15
    })
    insert.run({
      ...base,
      invoice: 'F-1',
      payload: JSON.stringify(sale('F-1')),
      state: 'failed',
      attempts: 1,
      error: 'refused',
      fields: JSON.stringify([['store', 'Store does not exist']])
    })
    old.close()

    outbox = new Outbox({ dbPath: tmp.file('outbox.sqlite'), client: idle })
    expect(outbox.depth()).toEqual({ queued: 1, failed: 1 })
    expect(outbox.get(1)).toMatchObject({
      state: 'queued',
      attempts: 3,
      last_error: 'ECONNREFUSED',
      sale: sale('Q-1'),
      receipt: null
    })
    expect(outbox.get(2)).toMatchObject({ state: 'posted', duplicate: true, response: posted, posted_at: 15 })
    expect(outbox.get(3)).toMatchObject({ state: 'failed', field_errors: [['store', 'Store does not exist']] })
    expect(outbox.findByInvoice(2, 'P-1')?.id).toBe(2)
    // the same sale again is still the same row: the key survived the migration
    expect(outbox.enqueue({ ...sale('Q-1'), created: '2024-06-01T12:00:00+07' })).toMatchObject({
      created: false,
      item: { id: 1 }
    })
  })

  it('at the last version frozen here, a sale an older build left mid-send is queued again, its owed receipt kept', () => {
    const old = oldOutboxFile(tmp.file('outbox.sqlite'), OUTBOX_SHIPPED.length)
    old.prepare(insertSql(true)).run({
      invoice: 'S-1',
      payload: JSON.stringify(sale('S-1')),
      state: 'sending',
      attempts: 1,
      error: null,
      fields: null,
      response: null,
      duplicate: 0,
      postedAt: null,
      receipt: 'owed'
    })
    old.close()

    outbox = new Outbox({ dbPath: tmp.file('outbox.sqlite'), client: idle })
    expect(outbox.get(1)).toMatchObject({ state: 'queued', attempts: 1, receipt: 'owed', sale: sale('S-1') })
    // Migrated on to today's columns: not cancelled, and listed on its day.
    expect(outbox.get(1)?.canceled_at).toBeNull()
    expect(outbox.day(2, '2024-06-01').map((i) => i.invoice_number)).toEqual(['S-1'])
    expect(outbox.depth()).toEqual({ queued: 1, failed: 0 })
    expect(outbox.receiptsOwed().map((i) => i.invoice_number)).toEqual(['S-1'])
  })
})
