/**
 * The real host (`npm run serve`) on a data directory whose outbox has pages overwritten in the
 * middle, or was emptied: it does not start, says which file and what to do, and the file is
 * moved aside (never deleted); the next start begins with a new file and serves.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOutboxDb } from '../../src/main/outbox/outbox-db'
import { tempDir } from '../support/temp-files'
import { startHostChild } from './host-child'

const ARGS = (dataDir: string) => ['--data-dir', dataDir, '--bridge-port', '0', '--ui-port', '0']

/** A real outbox file holding 2,000 queued sales, checkpointed into the main file. */
function writeOutbox(path: string): void {
  const db = openOutboxDb(path)
  const insert = db.prepare(`INSERT INTO outbox_sales (store, invoice_number, local_date, payload, state,
    next_attempt_at, created_at, updated_at) VALUES (2, ?, '2026-12-01', ?, 'queued', 0, 0, 0)`)
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`INV-${i}`, JSON.stringify({ note: 'x'.repeat(200) }))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

/** Fails to start: resolves with everything the host printed before it exited. */
async function failedStart(dataDir: string): Promise<string> {
  const error = await startHostChild(ARGS(dataDir)).then(
    async (h) => {
      await h.stop()
      return null
    },
    (err: Error) => err
  )
  expect(error, 'the host started on a damaged outbox').not.toBeNull()
  return error!.message
}

describe('a damaged outbox file at start-up', () => {
  let tmp: ReturnType<typeof tempDir>
  let dataDir: string
  let outbox: string
  beforeEach(() => {
    tmp = tempDir('damaged-files-')
    dataDir = join(tmp.dir, 'data')
    outbox = join(dataDir, 'outbox.sqlite')
  })
  afterEach(() => tmp.remove())

  it('stops the host naming the file and what to do, moves it aside, and the next start serves', async () => {
    // A first start creates the data directory and its files.
    const first = await startHostChild(ARGS(dataDir))
    await first.stop()
    writeOutbox(outbox)
    const pages = statSync(outbox).size / 4096
    const fd = openSync(outbox, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(pages / 2) * 4096)
    closeSync(fd)
    const broken = readFileSync(outbox)

    const output = await failedStart(dataDir)
    expect(output).toMatch(/host exited \(2\)/)
    expect(output).toContain(`stamps-kiosk: ${outbox} is damaged (quick_check: `)
    expect(output).toMatch(/moved aside to \S+outbox\.sqlite\.damaged-\d{8}T\d{6}Z/)
    expect(output).toMatch(/Start the app again to begin with a new, empty outbox\.sqlite/)
    expect(output).not.toMatch(/^\s+at /m) // a message for a person, not a stack
    const moved = readdirSync(dataDir).filter((f) => /^outbox\.sqlite\.damaged-[\dTZ]+$/.test(f))
    expect(moved).toHaveLength(1)
    expect(readFileSync(join(dataDir, moved[0]!)).equals(broken)).toBe(true)

    const again = await startHostChild(ARGS(dataDir))
    await again.stop()
    expect(existsSync(outbox)).toBe(true)
  }, 90_000)

  it('refuses an emptied (0-byte) outbox rather than start an empty queue', async () => {
    const first = await startHostChild(ARGS(dataDir))
    await first.stop()
    writeFileSync(outbox, '')
    const output = await failedStart(dataDir)
    expect(output).toContain(`${outbox} is damaged (the file is empty (0 bytes)`)
    expect(readdirSync(dataDir).filter((f) => f.startsWith('outbox.sqlite.damaged-'))).toHaveLength(1)
  }, 60_000)
})
