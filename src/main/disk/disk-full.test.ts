/**
 * Disk errors in each writer of the data directory, from real failing writes: SQLite's own
 * SQLITE_FULL (the file capped with PRAGMA max_page_count, on the very connection that writes)
 * and the kernel's ENOSPC (writes to /dev/full, Linux's always-full device). Each refuses what it
 * cannot save, throws nothing uncaught, reports the part, and recovers by itself.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { waitFor } from '../../../tests/support/wait-for'
import { DomainError } from '../domain-error'
import { Outbox, type OutboxClient } from '../outbox'
import { openPrintQueueDb } from '../printer/print-job-store'
import { PrintQueue } from '../printer/print-queue'
import { FileTransport } from '../printer/file-transport'
import { SettingsFile } from '../settings/settings-file'
import { parseSettings } from '../settings/settings-schema'
import { StatusService } from '../status/status-service'
import type { DiskReport } from './disk-fault'
import { DiskHealth } from './disk-health'

const sale = (invoice: string) => ({
  user: 'customer@stamps.co.id',
  store: 2,
  invoice_number: invoice,
  total_value: 50000,
  created: '2026-12-02T12:00:00+07'
})
/** An upstream that never answers in time: every sale stays queued, as when Stamps is down. */
const silent: OutboxClient = {
  addTransaction: () => new Promise(() => {}),
  activities: () => new Promise(() => {}),
  membership: () => new Promise(() => {})
}
const receiptBytes = new TextEncoder().encode('\x1b@RECEIPT\n')

/** Caps the file at the pages it has now: the next write that needs a page fails with SQLITE_FULL. */
const capAtCurrentSize = (db: Database.Database): void => {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
}

describe('DiskHealth on the status bar and in the log', () => {
  it('says full per part, logs once per episode, and clears when the part writes again', () => {
    const lines: string[] = []
    const health = new DiskHealth((l) => lines.push(l))
    const status = new StatusService({
      initial: { mode: 'kiosk', language: 'id', idleTimeoutSeconds: 60, embedded: true },
      probe: () => Promise.resolve()
    })
    health.on('changed', (s) => status.update('disk', s))
    expect(status.get().disk).toEqual({ state: 'ok', parts: [] })

    const full: DiskReport = { part: 'outbox', fault: 'full', detail: 'database or disk is full' }
    health.report(full)
    health.report(full)
    health.report({ part: 'receipts', fault: 'failing', detail: 'EIO' })
    expect(status.get().disk).toEqual({ state: 'full', parts: ['outbox', 'receipts'] })
    expect(lines.filter((l) => l.startsWith('disk full: the outbox (sales)'))).toHaveLength(1)

    health.report({ part: 'outbox', fault: null })
    expect(status.get().disk).toEqual({ state: 'failing', parts: ['receipts'] })
    health.report({ part: 'receipts', fault: null })
    health.report({ part: 'receipts', fault: null })
    expect(status.get().disk).toEqual({ state: 'ok', parts: [] })
    expect(lines).toEqual([
      'disk full: the outbox (sales) could not be written (database or disk is full); free disk space on this computer',
      'disk error: the receipts folder could not be written (EIO); free disk space on this computer',
      'disk: the outbox (sales) writes again',
      'disk: the receipts folder writes again'
    ])
  })
})

describe('writers on a full disk', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir('disk-full-')
  })
  afterEach(() => tmp.remove())

  it('outbox: refuses the sale SQLite cannot write (disk-full), keeps nothing of it, takes it once there is room', async () => {
    const outbox = new Outbox({ dbPath: tmp.file('outbox.sqlite'), client: silent, flushMs: 20 })
    const reports: DiskReport[] = []
    outbox.on('disk', (r) => reports.push(r))
    // The connection the outbox writes with: the cap must be on it for its writes to hit it.
    const db = (outbox as unknown as { db: Database.Database }).db
    outbox.enqueue(sale('F-0'))
    capAtCurrentSize(db)

    let refused: unknown = null
    let n = 1
    for (; n < 500 && !refused; n++) {
      try {
        outbox.enqueue(sale(`F-${n}`))
      } catch (err) {
        refused = err
      }
    }
    expect(refused).toBeInstanceOf(DomainError)
    expect(refused).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/the sale was not saved/) })
    const invoice = `F-${n - 1}`
    expect(outbox.findByInvoice(2, invoice)).toBeUndefined()
    expect(reports.at(-1)).toMatchObject({ part: 'outbox', fault: 'full' })
    // The timed checkpoint runs on the full file meanwhile: nothing is thrown out of its timer.
    await new Promise((r) => setTimeout(r, 100))

    db.pragma('max_page_count = 1073741823')
    const { item, created } = outbox.enqueue(sale(invoice))
    expect(created).toBe(true)
    expect(item).toMatchObject({ invoice_number: invoice, state: 'queued' })
    expect(reports.at(-1)).toEqual({ part: 'outbox', fault: null })
    await outbox.close()
  })

  it('print queue: a job SQLite cannot insert is refused; a drain whose writes fail retries instead of rejecting', async () => {
    const db = openPrintQueueDb(tmp.file('print-queue.sqlite'))
    const queue = new PrintQueue({ db, transport: new FileTransport(tmp.file('receipts')), diskRetryMs: 50 })
    const reports: DiskReport[] = []
    queue.on('disk', (r) => reports.push(r))
    const first = queue.enqueue('receipt', receiptBytes, { label: 'P-1' })
    capAtCurrentSize(db)
    let refused: unknown = null
    for (let i = 0; i < 500 && !refused; i++) {
      try {
        queue.enqueue('receipt', receiptBytes, { label: `P-more-${i}` })
      } catch (err) {
        refused = err
      }
    }
    expect(refused).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/print job was not saved/) })
    expect(reports.at(-1)).toMatchObject({ part: 'print-queue', fault: 'full' })

    queue.start() // the drain's own state changes may fail now: no unhandled rejection, a retry
    await new Promise((r) => setTimeout(r, 200))
    db.pragma('max_page_count = 1073741823')
    await waitFor(() => queue.get(first.id)?.state === 'printed', 'the first job printed once there is room')
    expect(existsSync(tmp.file(`receipts/${first.id}.bin`))).toBe(true)
    await queue.close()
    db.close()
  })

  it('receipts folder: ENOSPC leaves the job in line (not held), no half file, and it prints by itself once writes work', async () => {
    const dir = tmp.file('receipts')
    const queue = new PrintQueue({
      db: tmp.file('print-queue.sqlite'),
      transport: new FileTransport(dir),
      diskRetryMs: 50
    })
    const reports: DiskReport[] = []
    queue.on('disk', (r) => reports.push(r))
    const job = queue.enqueue('receipt', receiptBytes, { label: 'R-1' })
    // The receipt's file is Linux's always-full device: the kernel answers its write with ENOSPC.
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    symlinkSync('/dev/full', `${dir}/${job.id}.bin.part`)
    queue.start()
    await waitFor(() => reports.some((r) => r.part === 'receipts' && r.fault === 'full'), 'receipts reported full')
    expect(queue.get(job.id)?.state).not.toBe('held')
    // The failed try gave its half file back (the link), so the retry finds room and prints.
    await waitFor(() => queue.get(job.id)?.state === 'printed', 'printed by itself')
    expect(readFileSync(`${dir}/${job.id}.bin`)).toEqual(Buffer.from(receiptBytes))
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([])
    expect(reports.at(-1)).toEqual({ part: 'print-queue', fault: null })
    expect(reports).toContainEqual({ part: 'receipts', fault: null })
    await queue.close()
  })

  it('settings: a save the disk refuses keeps the old file and settings, says disk-full, and the next save works', () => {
    writeFileSync(tmp.file('settings.json'), JSON.stringify({ language: 'en' }))
    const boot = parseSettings({ language: 'en' })
    const file = new SettingsFile(tmp.dir, boot)
    const reports: DiskReport[] = []
    file.onDisk = (r) => reports.push(r)
    const before = readFileSync(tmp.file('settings.json'), 'utf8')
    // The temporary file the save writes first is /dev/full: its write fails with ENOSPC.
    symlinkSync('/dev/full', tmp.file('settings.json.tmp'))
    expect(() => file.commit({ language: 'id' }, { ...boot, language: 'id' })).toThrow(
      expect.objectContaining({ code: 'disk-full' })
    )
    expect(readFileSync(tmp.file('settings.json'), 'utf8')).toBe(before)
    expect(file.current.language).toBe('en')
    expect(existsSync(tmp.file('settings.json.tmp'))).toBe(false)
    expect(reports).toEqual([{ part: 'settings', fault: 'full', detail: expect.stringMatching(/ENOSPC/) }])

    file.commit({ language: 'id' }, { ...boot, language: 'id' })
    expect(JSON.parse(readFileSync(tmp.file('settings.json'), 'utf8'))).toMatchObject({ language: 'id' })
    expect(reports.at(-1)).toEqual({ part: 'settings', fault: null })
  })
})
