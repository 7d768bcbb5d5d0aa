/**
 * The real headless host as the POS's printer, SIGKILLed mid-job and with a job captured but not
 * yet printed: after the restart nothing is printed twice, nothing captured whole is lost, and
 * what arrived before the kill is kept on disk.
 */
import { connect, type Socket } from 'node:net'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GENERIC_STRUK } from '../fixtures/capture/pos-receipts'
import { PrinterEmulator } from '../../src/main/printer'
import { freePort } from '../support/free-port'
import { tempDir } from '../support/temp-files'
import { waitFor } from '../support/wait-for'
import { startHostChild, type HostChild } from './host-child'

const tmp = tempDir('capture-kill-')
let emulator: PrinterEmulator
let capturePort: number
let host: HostChild | null = null

beforeAll(async () => {
  emulator = new PrinterEmulator({ port: 0 })
  await emulator.start()
  capturePort = await freePort()
})
afterAll(async () => {
  await host?.stop()
  await emulator.stop()
  tmp.remove()
})

const start = async (): Promise<HostChild> =>
  (host = await startHostChild([
    '--data-dir',
    tmp.dir,
    '--bridge-port',
    '0',
    '--ui-port',
    '0',
    '--capture-port',
    String(capturePort),
    '--printer',
    emulator.url
  ]))
const jobs = (): Array<{ id: number; state: string; size: number; end_reason: string | null }> => {
  const db = new Database(tmp.file('capture.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT id, state, size, end_reason FROM capture_jobs ORDER BY id').all() as never
  } finally {
    db.close()
  }
}
const pos = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(capturePort, '127.0.0.1', () => resolve(s))
    s.on('error', reject)
  })
const printWhole = async (bytes: Uint8Array): Promise<void> => {
  const s = await pos()
  await new Promise<void>((resolve) => {
    s.on('close', () => resolve())
    s.end(bytes)
  })
}

describe('capture across kill -9', () => {
  it('keeps what came of a job cut off by kill -9 and prints the whole job the POS sends again, once', async () => {
    const receipt = GENERIC_STRUK('K-1')
    await start()
    const half = await pos()
    half.on('error', () => undefined)
    half.write(receipt.subarray(0, 40))
    await waitFor(() => jobs()[0]?.size === 40, 'the first 40 bytes on disk')
    await host!.kill9()
    await new Promise<void>((r) => (half.destroyed ? r() : half.once('close', () => r())))

    await start()
    expect(jobs()[0]).toMatchObject({ state: 'interrupted', size: 40, end_reason: 'host-stopped' })
    await printWhole(receipt) // the POS saw its connection drop and prints the receipt again
    const [out] = await emulator.waitForJobs(1, 15_000)
    const cutAt = receipt.length - 4
    expect(Buffer.from(out!.bytes.subarray(0, cutAt)).equals(Buffer.from(receipt.subarray(0, cutAt)))).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(emulator.jobs).toHaveLength(1)
    await host!.stop()
  }, 90_000)

  it('prints after the restart a job captured whole while the printer was off, exactly once', async () => {
    await emulator.stop()
    await start()
    await printWhole(GENERIC_STRUK('K-2'))
    await waitFor(() => jobs().at(-1)?.state === 'captured' && jobs().length === 3, 'job 3 captured, waiting')
    await host!.kill9()
    await emulator.start()
    await start()
    await emulator.waitForJobs(2, 15_000)
    await waitFor(() => jobs().at(-1)?.state === 'forwarded', 'job 3 forwarded')
    await new Promise((r) => setTimeout(r, 300))
    expect(emulator.jobs).toHaveLength(2)
    expect(emulator.jobs[1]!.bytes.length).toBeGreaterThan(GENERIC_STRUK('K-2').length) // with its footer
  }, 90_000)
})
