import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { RESTO_BILL, WPOS_STRUK } from '../../../tests/fixtures/capture/pos-receipts'
import { tempDir } from '../../../tests/support/temp-files'
import { READY_TEMPLATES } from '../../shared/capture/ready-templates'
import { readReceipt } from '../../shared/capture/read-receipt'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { openCaptureDb } from './capture-db'
import { CaptureJobs } from './capture-jobs'
import { CaptureStore } from './capture-store'

describe('CaptureJobs', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Database.Database
  let store: CaptureStore
  beforeEach(() => {
    tmp = tempDir('capture-jobs-')
    db = openCaptureDb(tmp.file('capture.sqlite'))
    store = new CaptureStore(db)
    for (const bytes of [RESTO_BILL, WPOS_STRUK]) {
      const id = store.begin(Date.now())
      store.append(id, bytes)
      store.finish(id, 'closed', Date.now())
      const reading = readReceipt(decodeEscPos(bytes).lines.map((l) => l.text))
      store.classify(id, reading.kind, { reading })
    }
  })
  afterEach(() => {
    db.close()
    tmp.remove()
  })

  it('lists the receipts a person must look at, with their text and what was missing', () => {
    const { jobs } = new CaptureJobs(store).list({ kind: 'unsure' })
    expect(jobs.map((j) => j.reading?.problems)).toEqual([['no-invoice'], ['no-invoice']])
    expect(jobs[1]!.lines).toContain('PJ2605120007')
  })

  it('tests a template being written on the last jobs, reading only what it fits', () => {
    const { results } = new CaptureJobs(store).test(READY_TEMPLATES[0]!)
    expect(results.map((r) => [r.jobId, r.reading.kind, r.reading.invoice])).toEqual([
      [2, 'unsure', null],
      [1, 'sale', 'PJ2605120007']
    ])
  })
})
