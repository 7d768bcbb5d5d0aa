import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { PrinterEmulator } from '../printer'
import { TcpTransport } from '../printer/tcp-transport'
import { openCaptureDb } from './capture-db'
import { CaptureForwarder, type FooterFor } from './capture-forwarder'
import { CaptureServer } from './capture-server'
import { CaptureStore } from './capture-store'

const RECEIPT = Buffer.from('\x1b@TOKO KOPI\nNo. Struk: A-17\nTOTAL Rp 50.000\n\n\n\x1dV\x42\x00\x1b@')
const FOOTER = Buffer.from('\x1b@Stamps earned: 5\n')
const CUT_AT = RECEIPT.indexOf(Buffer.from('\x1dV'))

describe('CaptureForwarder', () => {
  let dir: string
  let db: Database.Database
  let server: CaptureServer
  let forwarder: CaptureForwarder
  let emulator: PrinterEmulator
  let store: CaptureStore

  const start = async (footerFor?: FooterFor, printerUp = true): Promise<number> => {
    dir = mkdtempSync(join(tmpdir(), 'capture-fwd-'))
    db = openCaptureDb(join(dir, 'capture.sqlite'))
    store = new CaptureStore(db)
    emulator = new PrinterEmulator({ port: 0 })
    const printerPort = await emulator.start()
    if (!printerUp) await emulator.stop()
    forwarder = new CaptureForwarder({
      store,
      transport: () => new TcpTransport({ host: '127.0.0.1', port: printerPort, statusTimeoutMs: 500 }),
      retryMs: 100,
      ...(footerFor && { footerFor })
    })
    server = new CaptureServer({
      host: '127.0.0.1',
      port: 0,
      store,
      printerStatus: () => ({ state: 'ok', online: true, coverOpen: false, paper: 'ok' }),
      onJob: () => forwarder.wake()
    })
    return server.start()
  }
  afterEach(async () => {
    await server.close()
    await forwarder.close()
    await emulator.stop()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const print = (port: number, bytes: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.end(bytes))
      s.on('error', reject)
      s.on('close', () => resolve())
    })

  it('forwards a job byte for byte when there is no footer', async () => {
    const port = await start(() => Promise.resolve(null))
    await print(port, RECEIPT)
    const [job] = await emulator.waitForJobs(1)
    expect(Buffer.from(job!.bytes).equals(RECEIPT)).toBe(true)
    await forwarder.settled()
    expect(store.recent(1)[0]).toMatchObject({ state: 'forwarded', footer: false })
  })

  it('puts the footer just before the final cut, every original byte in place', async () => {
    const port = await start(() => Promise.resolve(FOOTER))
    await print(port, RECEIPT)
    const [job] = await emulator.waitForJobs(1)
    const out = Buffer.from(job!.bytes)
    expect(out.subarray(0, CUT_AT).equals(RECEIPT.subarray(0, CUT_AT))).toBe(true)
    expect(out.subarray(CUT_AT, CUT_AT + FOOTER.length).equals(FOOTER)).toBe(true)
    expect(out.subarray(CUT_AT + FOOTER.length).equals(RECEIPT.subarray(CUT_AT))).toBe(true)
    await forwarder.settled()
    expect(store.recent(1)[0]).toMatchObject({ state: 'forwarded', footer: true })
  })

  it('prints the original when the loyalty path is slow or fails', async () => {
    let slow = true
    const port = await start(() =>
      slow ? new Promise((r) => setTimeout(() => r(FOOTER), 1000)) : Promise.reject(new Error('upstream down'))
    )
    const t = Date.now()
    await print(port, RECEIPT)
    const [first] = await emulator.waitForJobs(1)
    expect(first!.receivedAt - t).toBeLessThan(900)
    expect(Buffer.from(first!.bytes).equals(RECEIPT)).toBe(true)
    slow = false
    await print(port, RECEIPT)
    const jobs = await emulator.waitForJobs(2)
    expect(Buffer.from(jobs[1]!.bytes).equals(RECEIPT)).toBe(true)
  })

  it('keeps a job while the printer is unreachable and prints it once it is back', async () => {
    const port = await start(undefined, false)
    await print(port, RECEIPT)
    for (let i = 0; i < 50 && store.recent(1)[0]?.reason !== 'disconnected'; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(store.recent(1)[0]).toMatchObject({ state: 'captured', reason: 'disconnected' })
    await emulator.start()
    const [job] = await emulator.waitForJobs(1)
    expect(Buffer.from(job!.bytes).equals(RECEIPT)).toBe(true)
  })
})
