import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSale, tempDir } from '../../../tests/fixtures/printer/printer-fixtures'
import { type DecodedReceipt, decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { formatRupiah } from '../../shared/money'
import { PrinterEmulator } from './printer-emulator'
import { printerModels, resolveProfile } from './printer-models'
import { PrinterService } from './printer-service'
import { parsePrinterSpec } from './printer-spec'

/** What comes out of a printer `columns` wide: a line longer than the paper goes on at the next line. */
function paperLines(decoded: DecodedReceipt, columns: number): string[] {
  const out: string[] = []
  for (const line of decoded.lines) {
    const room = Math.floor(columns / line.width)
    for (let at = 0; at === 0 || at < line.text.length; at += room) out.push(line.text.slice(at, at + room))
  }
  return out
}

describe('printer models from the encoder database', () => {
  it('lists ESC/POS models with their Font A columns, and leaves out StarPRNT ones', () => {
    const models = printerModels()
    expect(models.find((m) => m.id === 'epson-tm-t88v')).toEqual({
      id: 'epson-tm-t88v',
      name: 'Epson TM-T88V',
      columns: 42
    })
    expect(models.find((m) => m.id === 'epson-tm-t20iii')?.columns).toBe(48)
    expect(models.find((m) => m.id === 'pos-5890')?.columns).toBe(32)
    expect(models.some((m) => m.id.startsWith('star-'))).toBe(false)
    expect(models.length).toBeGreaterThan(25)
  })

  it('derives code page and features from the model; columns= overrides, paper width is the generic fallback', () => {
    expect(resolveProfile({ model: 'epson-tm-t88v', paperWidth: 58 })).toMatchObject({
      columns: 42,
      codepage: 'cp858',
      qr: true,
      cutter: true,
      drawer: true
    })
    // The TM-T88III has no QR; Citizen numbers PC858 as 2 (Epson's PC850), so Windows-1252 is chosen.
    expect(resolveProfile({ model: 'epson-tm-t88iii', paperWidth: 80 }).qr).toBe(false)
    expect(resolveProfile({ model: 'citizen-ct-s310ii', paperWidth: 80 }).codepage).toBe('windows1252')
    expect(resolveProfile({ model: 'epson-tm-p20ii', paperWidth: 80 })).toMatchObject({ columns: 32, cutter: false })
    expect(resolveProfile({ model: 'epson-tm-t88v', columns: 48, paperWidth: 58 }).columns).toBe(48)
    expect(resolveProfile({ columns: 42, paperWidth: 58 })).toMatchObject({ model: null, columns: 42 })
    expect(resolveProfile({ paperWidth: 80 })).toMatchObject({ model: null, name: 'Generic 80 mm', columns: 48 })
  })

  it('takes model= and columns= on every kind of printer spec', () => {
    expect(parsePrinterSpec('tcp://127.0.0.1:9100?model=epson-tm-t88v')).toMatchObject({ model: 'epson-tm-t88v' })
    expect(parsePrinterSpec('device:/dev/usb/lp0?columns=42')).toMatchObject({ path: '/dev/usb/lp0', columns: 42 })
    expect(parsePrinterSpec('serial:/dev/ttyUSB0?baud=19200&model=pos-5890')).toMatchObject({
      baud: 19200,
      model: 'pos-5890'
    })
    expect(() => parsePrinterSpec('tcp://x:9100?model=epson-tm-t99')).toThrow(/unknown printer model/)
    expect(() => parsePrinterSpec('tcp://x:9100?model=star-tsp100iv')).toThrow(/unknown printer model/)
    expect(() => parsePrinterSpec('file:/tmp/r?columns=40')).toThrow(/columns must be one of 32, 35, 42, 44, 48/)
  })
})

describe('a 42-column printer over TCP', () => {
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

  async function printLongSale(spec: string, paperWidth: 58 | 80): Promise<DecodedReceipt> {
    service = new PrinterService({ spec, dataDir: tmp.dir, paperWidth })
    service.start()
    const job = service.printReceipt(await longSale())
    expect((await service.whenSettled(job.id)).state).toBe('printed')
    const [received] = await emulator.waitForJobs(1)
    return decodeEscPos(received!.bytes)
  }

  it('prints the long receipt with every amount whole on one line (model=epson-tm-t88v)', async () => {
    const sale = await longSale()
    const amounts = [
      ...sale.items!.map((i) => formatRupiah(i.quantity * i.unit_price)),
      formatRupiah(sale.total_value),
      formatRupiah(sale.balance!)
    ]
    const decoded = await printLongSale(`${emulator.url}?model=epson-tm-t88v`, 80)
    const paper = paperLines(decoded, 42)
    expect(decoded.lines.every((l) => l.text.length * l.width <= 42)).toBe(true)
    for (const amount of amounts) expect(paper.filter((l) => l.endsWith(` ${amount}`))).toHaveLength(1)
    // Long names wrap under themselves, clear of the quantity.
    expect(paper).toContain('12x Es Kopi Susu Gula Aren Extra Large')
    expect(paper).toContain('    With Oat Milk              Rp1.230.000')
    expect(decoded.qr).toEqual([sale.qr])
    expect(decoded.cuts).toBe(1)
  })

  it('the same receipt laid out for a generic 80 mm (48 columns) splits amounts on that paper', async () => {
    const decoded = await printLongSale(emulator.url, 80)
    const paper = paperLines(decoded, 42)
    const whole = formatRupiah(1234500)
    expect(paper.some((l) => l.endsWith(whole))).toBe(false)
  })
})
