/** The serial path for real: `serialport` on one end of a socat pty pair, the printer emulator on the other. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { knownSale } from '../../../tests/fixtures/printer/printer-fixtures'
import { type PtyPair, ptyPair } from '../../../tests/support/pty-pair'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import { loyaltyReceipt } from '../../shared/receipt/templates'
import { createTransport } from './create-transport'
import { encodeReceipt } from './escpos-encoder'
import { PrinterEmulator } from './printer-emulator'
import { parsePrinterSpec } from './printer-spec'
import { SerialTransport } from './serial-transport'

describe('serial printers through serialport, over a pty pair', () => {
  let pty: PtyPair
  let emulator: PrinterEmulator

  beforeEach(async () => {
    pty = await ptyPair()
    emulator = new PrinterEmulator()
    await emulator.attachSerial(pty.b, 19200)
  })
  afterEach(async () => {
    await emulator.stop()
    await pty.close()
  })

  it('reads the status back with DLE EOT and prints the receipt byte for byte', async () => {
    const t = createTransport(`serial:${pty.a}?baud=19200&flow=xonxoff`)
    expect(t).toBeInstanceOf(SerialTransport)
    expect(t.description).toBe(`serial:${pty.a}?baud=19200&flow=xonxoff`)
    expect(await t.status()).toMatchObject({ state: 'ok', online: true, coverOpen: false, paper: 'ok' })
    const bytes = encodeReceipt(loyaltyReceipt(await knownSale(), { columns: 32 }))
    await t.write(bytes)
    const [job] = await emulator.waitForJobs(1)
    expect(job!.bytes).toEqual(bytes)
    expect(decodeEscPos(job!.bytes).lines.map((l) => l.text)).toContain('Kopi Nusantara')
  })

  it('sends nothing to a printer that says paper out, and says so', async () => {
    emulator.setPaperOut(true)
    const t = createTransport(`serial:${pty.a}?baud=19200`)
    expect((await t.status()).state).toBe('paper-out')
    await expect(t.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a))).rejects.toMatchObject({
      code: 'paper-out',
      nothingSent: true
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(emulator.jobs).toHaveLength(0)
  })

  it('takes COM ports and flow control in the spec', () => {
    expect(parsePrinterSpec('serial:com3?baud=19200&flow=rtscts')).toMatchObject({
      path: 'COM3',
      baud: 19200,
      flow: 'rtscts'
    })
    expect(parsePrinterSpec('serial:/dev/ttyUSB0')).toMatchObject({ flow: 'none' })
    expect(() => parsePrinterSpec('serial:ttyUSB0')).toThrow(/absolute device path or COMn/)
    expect(() => parsePrinterSpec('serial:COM3?flow=dtr')).toThrow(/flow/)
  })
})
