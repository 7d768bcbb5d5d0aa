import { mkdtempSync, rmSync } from 'node:fs'
import { type Socket, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { openCaptureDb } from './capture-db'
import { CaptureServer, type CaptureServerOptions } from './capture-server'
import { CaptureStore } from './capture-store'

const OK: PrinterStatus = { state: 'ok', online: true, coverOpen: false, paper: 'ok' }
const RECEIPT = Buffer.from('\x1b@\x1ba\x01TOKO KOPI\nNo. Struk: A-17\nTOTAL Rp 50.000\n\n\n\x1dV\x42\x00')

describe('CaptureServer', () => {
  let dir: string
  let db: Database.Database
  let server: CaptureServer
  let status: PrinterStatus
  const jobs: number[] = []

  const start = async (o: Partial<CaptureServerOptions> = {}): Promise<{ store: CaptureStore; port: number }> => {
    dir = mkdtempSync(join(tmpdir(), 'capture-'))
    db = openCaptureDb(join(dir, 'capture.sqlite'))
    const store = new CaptureStore(db)
    status = OK
    jobs.length = 0
    server = new CaptureServer({
      host: '127.0.0.1',
      port: 0,
      store,
      printerStatus: () => status,
      onJob: (id) => jobs.push(id),
      ...o
    })
    return { store, port: await server.start() }
  }
  afterEach(async () => {
    await server.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const open = (port: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s))
      s.on('error', reject)
    })
  const read = (s: Socket, n: number): Promise<number[]> =>
    new Promise((resolve) => {
      const got: number[] = []
      const on = (d: Buffer): void => {
        got.push(...d)
        if (got.length >= n) {
          s.off('data', on)
          resolve(got)
        }
      }
      s.on('data', on)
    })
  const closed = (s: Socket): Promise<void> => new Promise((r) => s.once('close', () => r()))
  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
    expect(check()).toBe(true)
  }

  it('answers DLE EOT and GS a with the real printer state, and keeps them out of the job', async () => {
    const { store, port } = await start()
    const pos = await open(port)
    pos.write(Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 4))
    expect(await read(pos, 2)).toEqual([0x12, 0x12])
    status = { state: 'paper-out', online: false, coverOpen: false, paper: 'out' }
    pos.write(Uint8Array.of(0x10, 0x04, 4))
    expect(await read(pos, 1)).toEqual([0x72])
    pos.write(Uint8Array.of(0x1d, 0x61, 0xff))
    expect(await read(pos, 4)).toEqual([0x18, 0x00, 0x0c, 0x00])
    status = OK
    // The request split across two chunks is still one request.
    pos.write(Uint8Array.of(0x41, 0x0a, 0x10))
    await new Promise((r) => setTimeout(r, 20))
    pos.write(Uint8Array.of(0x04, 0x01))
    expect(await read(pos, 1)).toEqual([0x12])
    pos.end(Uint8Array.of(0x42, 0x0a))
    await until(() => jobs.length === 1)
    expect(Array.from(store.get(jobs[0]!)!.bytes)).toEqual([0x41, 0x0a, 0x42, 0x0a])
  })

  it('captures a job whole, byte for byte, when the POS closes the connection', async () => {
    const { store, port } = await start()
    const pos = await open(port)
    pos.write(RECEIPT.subarray(0, 10))
    await new Promise((r) => setTimeout(r, 20))
    pos.end(RECEIPT.subarray(10))
    await until(() => jobs.length === 1)
    const job = store.get(jobs[0]!)!
    expect(Buffer.from(job.bytes).equals(RECEIPT)).toBe(true)
    expect(job).toMatchObject({ state: 'captured', endReason: 'closed', size: RECEIPT.length })
  })

  it('ends a job after the idle gap on a connection the POS keeps open, then takes the next', async () => {
    const { store, port } = await start({ idleGapMs: 100 })
    const pos = await open(port)
    pos.write(RECEIPT)
    await until(() => jobs.length === 1)
    expect(store.get(jobs[0]!)!.endReason).toBe('idle')
    pos.end(Uint8Array.of(0x43, 0x0a))
    await until(() => jobs.length === 2)
    expect(Array.from(store.get(jobs[1]!)!.bytes)).toEqual([0x43, 0x0a])
  })

  it('steps over raster data: a DLE EOT inside an image is print data, not a request', async () => {
    const { store, port } = await start()
    const pos = await open(port)
    // GS v 0, 3 bytes wide, 1 dot high: the image bytes happen to be DLE EOT 1.
    const image = Uint8Array.of(0x1d, 0x76, 0x30, 0, 3, 0, 1, 0, 0x10, 0x04, 0x01, 0x0a)
    pos.end(image)
    await until(() => jobs.length === 1)
    expect(Array.from(store.get(jobs[0]!)!.bytes)).toEqual(Array.from(image))
  })

  it('cuts off and holds a job over the size limit, closing the connection', async () => {
    const { store, port } = await start({ maxJobBytes: 1000 })
    const pos = await open(port)
    pos.write(Buffer.alloc(3000, 0x41))
    await closed(pos)
    await until(() => store.recent(1)[0]?.state === 'held')
    expect(jobs).toEqual([])
  })

  it('serves at most maxConnections at once', async () => {
    const { port } = await start({ maxConnections: 1 })
    const first = await open(port)
    const second = await open(port)
    await closed(second)
    first.write(Uint8Array.of(0x10, 0x04, 1))
    expect(await read(first, 1)).toEqual([0x12])
    first.destroy()
  })

  it('closes a connection silent for socketIdleMs', async () => {
    const { port } = await start({ socketIdleMs: 100 })
    const pos = await open(port)
    const t = Date.now()
    await closed(pos)
    expect(Date.now() - t).toBeGreaterThanOrEqual(90)
  })

  it('keeps the chunks of a job cut off by a stop, and recovers it as interrupted', async () => {
    const { store, port } = await start({ idleGapMs: 60_000 })
    const pos = await open(port)
    pos.write(RECEIPT.subarray(0, 20))
    await until(() => store.recent(1)[0]?.size === 20)
    // What the next start finds after kill -9: a job still receiving, its chunk on disk.
    const again = new CaptureStore(db)
    expect(again.recover(Date.now())).toEqual({ interrupted: 1, held: 0 })
    expect(Buffer.from(again.recent(1)[0]!.bytes).equals(RECEIPT.subarray(0, 20))).toBe(true)
    expect(again.waiting()).toEqual([])
    pos.destroy()
  })
})
