import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { knownSale, knownSale58mmText, tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { renderPreview } from '../../shared/receipt/render-preview'
import { PrinterEmulator } from './printer-emulator'
import { PrinterService } from './printer-service'

describe('PrinterService', () => {
  let tmp: { dir: string; remove: () => Promise<void> }
  let emulator: PrinterEmulator
  let service: PrinterService | undefined

  beforeEach(async () => {
    tmp = await tempDir()
    emulator = new PrinterEmulator({ port: 0 })
    await emulator.start()
  })
  afterEach(async () => {
    await service?.close()
    service = undefined
    await emulator.stop()
    await tmp.remove()
  })

  const tcpService = (paperWidth: 58 | 80 = 58): PrinterService => {
    service = new PrinterService({ spec: emulator.url, dataDir: tmp.dir, paperWidth })
    service.start()
    return service
  }

  it('prints the 58 mm loyalty receipt of a known sale, line for line, to the emulator', async () => {
    const s = tcpService()
    const job = s.printReceipt(await knownSale())
    expect(job).toMatchObject({ kind: 'receipt', label: 'INV-2025-0042' })
    expect((await s.whenSettled(job.id)).state).toBe('printed')
    const [received] = await emulator.waitForJobs(1)
    const decoded = decodeEscPos(received!.bytes)
    expect(renderPreview(decoded, 32)).toBe(await knownSale58mmText())
    expect(decoded.lines.filter((l) => l.bold).map((l) => l.text)).toEqual([
      'Kopi Nusantara',
      'TOTAL                   Rp82.500'
    ])
    expect(decoded.lines[0]?.align).toBe('center')
    expect(decoded.cuts).toBe(1)
    expect(decoded.codepage).toBe(19)
  })

  it('prints "stamps pending" on an 80 mm receipt for a queued sale, with a QR link', async () => {
    const s = tcpService(80)
    const sale = {
      ...(await knownSale()),
      pending: true,
      stamps_earned: null,
      stamps_remaining: null,
      qr: 'https://stamps.co.id/r/42'
    }
    await s.whenSettled(s.printReceipt(sale).id)
    const [received] = await emulator.waitForJobs(1)
    const decoded = decodeEscPos(received!.bytes)
    const texts = decoded.lines.map((l) => l.text)
    expect(texts).toContain('Stamps pending: they will be added when the sale')
    expect(texts).toContain('reaches Stamps')
    expect(texts).toContain(`TOTAL${' '.repeat(35)}Rp82.500`)
    expect(texts.some((t) => t.startsWith('Stamps earned'))).toBe(false)
    expect(decoded.qr).toEqual(['https://stamps.co.id/r/42'])
  })

  it('prints a member slip and a test page, and previews any job from its stored bytes', async () => {
    const s = tcpService()
    const slip = s.printMemberSlip({
      merchant_name: 'Kopi Nusantara',
      name: 'Budi Santoso',
      card_number: '6032987654321234',
      level: 'Silver',
      stamps: 12,
      balance: 0,
      activities: ['14/03 +8 stamps'],
      printed_at: '2025-03-14T03:00:00Z'
    })
    const test = s.testPrint()
    await s.whenSettled(test.id)
    expect(
      s
        .preview(slip.id)
        ?.lines.map((l) => l.text)
        .slice(3, 5)
    ).toEqual(['Member              Budi S******', 'Card            ************1234'])
    expect(s.preview(test.id)?.lines[0]).toMatchObject({ text: 'TEST PRINT', width: 2, height: 2 })
    expect(s.preview(999)).toBeUndefined()
    expect((await emulator.waitForJobs(2)).length).toBe(2)
  })

  it('reports status and announces it; paper out holds the receipt and counts it as held', async () => {
    const s = tcpService()
    const seen: PrinterStatus[] = []
    s.on('status', (st) => seen.push(st))
    expect((await s.status()).state).toBe('ok')
    emulator.setPaperOut(true)
    const job = s.printReceipt(await knownSale())
    expect(await s.whenSettled(job.id)).toMatchObject({ state: 'held', heldCode: 'paper-out' })
    expect(s.counts()).toEqual({ queued: 0, held: 1 })
    expect(seen.map((x) => x.state)).toEqual(['ok', 'paper-out'])
    emulator.setPaperOut(false)
    s.retry(job.id)
    await s.whenSettled(job.id)
    const copy = s.reprintLast()
    await s.whenSettled(copy.id)
    const jobs = await emulator.waitForJobs(2)
    expect(jobs.map((j) => j.printed)).toEqual([true, true])
    expect(jobs[1]!.bytes).toEqual(jobs[0]!.bytes)
  })

  it('defaults to the virtual printer in <dataDir>/receipts with its queue in the data dir', async () => {
    service = new PrinterService({ dataDir: tmp.dir })
    service.start()
    expect(service.target).toBe(`file:${join(tmp.dir, 'receipts')}`)
    const job = service.printReceipt(await knownSale())
    await service.whenSettled(job.id)
    expect((await readdir(join(tmp.dir, 'receipts'))).sort()).toEqual([`${job.id}.bin`, `${job.id}.txt`])
    expect(await readFile(join(tmp.dir, 'receipts', `${job.id}.txt`), 'utf8')).toBe(await knownSale58mmText())
    expect((await readdir(tmp.dir)).filter((f) => f.startsWith('print-queue.sqlite'))).toContain('print-queue.sqlite')
  })

  it('refuses a bad spec at construction with a clear message', () => {
    expect(() => new PrinterService({ spec: 'lpt1', dataDir: tmp.dir })).toThrow(/printer spec "lpt1"/)
  })
})
