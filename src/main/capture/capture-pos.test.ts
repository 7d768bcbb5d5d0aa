/**
 * A scripted POS prints recorded receipt jobs over TCP to the capture port; the printer emulator
 * is the real printer; the sandbox is Stamps. Real sockets, real SQLite files, real HTTP.
 */
import { connect } from 'node:net'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GENERIC_STRUK, KITCHEN_TICKET, RESTO_BILL } from '../../../tests/fixtures/capture/pos-receipts'
import { DEMO, startTestSandbox, type TestSandbox } from '../../../tests/support/sandbox'
import { tempDir } from '../../../tests/support/temp-files'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { Outbox } from '../outbox'
import { PrinterEmulator } from '../printer'
import { TcpTransport } from '../printer/tcp-transport'
import { StampsClient } from '../stamps'
import { openCaptureDb } from './capture-db'
import { CaptureForwarder } from './capture-forwarder'
import { CaptureLoyalty } from './capture-loyalty'
import { CaptureServer } from './capture-server'
import { CaptureStore } from './capture-store'
import { MemberPairing } from './member-pairing'

const STORE = 2
const CUT = [0x1d, 0x56, 0x42, 0x00]

describe('capture: a POS printing through the host', () => {
  let sandbox: TestSandbox
  let tmp: ReturnType<typeof tempDir>
  let client: StampsClient
  let outbox: Outbox
  let db: Database.Database
  let store: CaptureStore
  let pairing: MemberPairing
  let emulator: PrinterEmulator
  let forwarder: CaptureForwarder
  let server: CaptureServer
  let port: number

  beforeEach(async () => {
    sandbox = await startTestSandbox()
    tmp = tempDir('capture-pos-')
    client = new StampsClient({ baseUrl: sandbox.url, credential: { kind: 'token', key: DEMO.key }, timeoutMs: 2000 })
    outbox = new Outbox({ dbPath: tmp.file('outbox.sqlite'), client, merchantId: DEMO.merchantId })
    outbox.start()
    db = openCaptureDb(tmp.file('capture.sqlite'))
    store = new CaptureStore(db)
    pairing = new MemberPairing(60_000)
    emulator = new PrinterEmulator({ port: 0 })
    const printerPort = await emulator.start()
    // Generous here: this test asserts what is printed; the added latency is the bench's figure.
    const loyalty = new CaptureLoyalty({
      store,
      outbox,
      storeId: STORE,
      templates: () => [],
      pairing,
      waitMs: 3000,
      footer: () => ({ language: 'en', columns: 32 })
    })
    forwarder = new CaptureForwarder({
      store,
      transport: () => new TcpTransport({ host: '127.0.0.1', port: printerPort }),
      footerFor: (job) => loyalty.footerFor(job),
      budgetMs: 5000
    })
    server = new CaptureServer({
      host: '127.0.0.1',
      port: 0,
      store,
      printerStatus: () => ({ state: 'ok', online: true, coverOpen: false, paper: 'ok' }),
      onJob: () => forwarder.wake()
    })
    port = await server.start()
  })
  afterEach(async () => {
    await server.close()
    await forwarder.close()
    await emulator.stop()
    await outbox.close()
    client.close()
    db.close()
    await sandbox.stop().catch(() => undefined) // the offline case closed it already
    tmp.remove()
  })

  const print = (bytes: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.end(bytes))
      s.on('error', reject)
      s.on('close', () => resolve())
    })
  const lines = (bytes: Uint8Array): string[] => decodeEscPos(bytes).lines.map((l) => l.text.trim())

  it('prints the receipt with its own bytes intact plus the footer before the cut; the sale is in the sandbox once, with the member', async () => {
    pairing.scanned(DEMO.card)
    const receipt = GENERIC_STRUK('CAP-1')
    await print(receipt)
    const [out] = await emulator.waitForJobs(1)
    const bytes = Buffer.from(out!.bytes)
    const cutAt = receipt.length - CUT.length
    // The POS's bytes up to its cut, then the footer, then the POS's cut: nothing of the original changed.
    expect(bytes.subarray(0, cutAt).equals(Buffer.from(receipt.subarray(0, cutAt)))).toBe(true)
    expect(bytes.subarray(bytes.length - CUT.length).equals(Buffer.from(CUT))).toBe(true)
    const footer = lines(bytes.subarray(cutAt, bytes.length - CUT.length))
    expect(footer).toContain('STAMPS')
    expect(footer.join('\n')).toMatch(/Member\s+\*{9}0123/)
    expect(footer.join('\n')).toMatch(/Stamps earned\s+\d+/)
    expect(sandbox.salesCount().get(`${STORE}|CAP-1`)).toBe(1)
    const row = sandbox.db
      .prepare(
        `SELECT u.email AS email FROM transactions t JOIN memberships m ON m.id = t.membership_id
         JOIN users u ON u.id = m.user_id WHERE t.invoice_number = ?`
      )
      .get('CAP-1') as { email: string } | undefined
    expect(row?.email).toBe(DEMO.customer)

    // The POS reprints the same receipt: recognised, not posted again, marked as a copy.
    await print(receipt)
    const jobs = await emulator.waitForJobs(2)
    expect(lines(jobs[1]!.bytes).join('\n')).toMatch(/Copy: the stamps for this\s+receipt are already recorded/)
    expect(sandbox.salesCount().get(`${STORE}|CAP-1`)).toBe(1)
  })

  it('passes a non-sale job and an unreadable one through untouched, posting nothing', async () => {
    pairing.scanned(DEMO.card)
    await print(KITCHEN_TICKET)
    await print(RESTO_BILL)
    const jobs = await emulator.waitForJobs(2)
    expect(Buffer.from(jobs[0]!.bytes).equals(Buffer.from(KITCHEN_TICKET))).toBe(true)
    expect(Buffer.from(jobs[1]!.bytes).equals(Buffer.from(RESTO_BILL))).toBe(true)
    await forwarder.settled()
    expect(store.recent(2).map((j) => j.kind)).toEqual(['unsure', 'other'])
    expect(sandbox.salesCount().size).toBe(0)
  })

  it('invites the customer to join when no member was scanned, and posts nothing (open transactions: TODO)', async () => {
    await print(GENERIC_STRUK('CAP-2'))
    const [out] = await emulator.waitForJobs(1)
    expect(lines(out!.bytes).join(' ')).toMatch(/Join at the kiosk/)
    expect(sandbox.salesCount().size).toBe(0)
  })

  it('says stamps pending when Stamps cannot be reached, and posts the sale once it is back', async () => {
    await sandbox.close()
    pairing.scanned(DEMO.card)
    await print(GENERIC_STRUK('CAP-3'))
    const [out] = await emulator.waitForJobs(1, 10_000)
    expect(lines(out!.bytes).join(' ')).toMatch(/Stamps pending/)
    expect(outbox.findByInvoice(STORE, 'CAP-3')?.state).toBe('queued')
  })
})
