import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { knownSale, tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { loyaltyReceipt } from '../../shared/receipt/templates'
import { encodeReceipt } from './escpos-encoder'
import { encodeOffThread } from './off-thread-encoder'
import { PrintQueue } from './print-queue'
import { PrinterEmulator } from './printer-emulator'
import { TcpTransport } from './tcp-transport'

const OPTIONS = { codepage: 'cp858', codepageMapping: 'epson', qr: true, cutter: true, drawer: true } as const

describe('encoding in the encoder thread', () => {
  let tmp: { dir: string; remove: () => Promise<void> }
  let emulator: PrinterEmulator
  let queue: PrintQueue | undefined

  beforeEach(async () => {
    tmp = await tempDir()
    emulator = new PrinterEmulator({ port: 0 })
    await emulator.start()
  })
  afterEach(async () => {
    await queue?.close()
    queue = undefined
    await emulator.stop()
    await tmp.remove()
  })

  const open = (): PrintQueue => {
    queue = new PrintQueue({
      db: join(tmp.dir, 'print-queue.sqlite'),
      transport: new TcpTransport({ host: '127.0.0.1', port: emulator.port(), statusTimeoutMs: 500 }),
      encoder: OPTIONS,
      encodeOffThread: true
    })
    return queue
  }

  it('makes the same bytes as encoding here, and a refused model is refused there too', async () => {
    const model = loyaltyReceipt(await knownSale(), { columns: 42 })
    expect(await encodeOffThread(model, OPTIONS)).toEqual(encodeReceipt(model, OPTIONS))
    const bad = { columns: 42 as const, items: [{ type: 'image' }] }
    await expect(encodeOffThread(bad as never, OPTIONS)).rejects.toThrow()
  })

  it('queues the model at once and encodes it when its turn comes: the printer gets the exact bytes', async () => {
    const q = open()
    const model = loyaltyReceipt(await knownSale(), { columns: 32 })
    const job = q.enqueue('receipt', model, { label: 'INV-2025-0042' })
    // Nothing was encoded on the caller's thread: the row holds the model and no bytes yet.
    expect(q.store.bytes(job.id)).toHaveLength(0)
    expect(q.store.unencoded(job.id)).toEqual(model)
    q.start()
    expect((await q.whenSettled(job.id)).state).toBe('printed')
    const [received] = await emulator.waitForJobs(1)
    expect(received!.bytes).toEqual(encodeReceipt(model, OPTIONS))
    expect(q.store.unencoded(job.id)).toBeUndefined()
    expect(q.store.bytes(job.id)).toEqual(received!.bytes)
  })

  it('encodes a job asked for before its turn (preview, reprint) once, here, and prints those bytes', async () => {
    const q = open()
    const model = loyaltyReceipt(await knownSale(), { columns: 32 })
    const job = q.enqueue('receipt', model)
    const early = q.bytes(job.id)
    expect(early).toEqual(encodeReceipt(model, OPTIONS))
    expect(q.store.unencoded(job.id)).toBeUndefined()
    const copy = q.reprint(job.id)
    q.start()
    await q.whenSettled(copy.id)
    const received = await emulator.waitForJobs(2)
    expect(received.map((r) => r.bytes)).toEqual([early, early])
  })
})
