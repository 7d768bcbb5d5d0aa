/** Printer choices for the admin screen: the OS's serial ports and USB printer nodes as printer specs. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SerialPort } from 'serialport'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { printerCandidates } from './printer-candidates'
import { parsePrinterSpec } from './printer-spec'

describe('printer candidates', () => {
  it('offers USB printer nodes and every serial port SerialPort.list() finds, as valid printer specs', async () => {
    const dev = tempDir('dev-')
    mkdirSync(join(dev.dir, 'usb'))
    for (const f of ['usb/lp0', 'usb/hiddev0', 'ttyUSB0']) writeFileSync(join(dev.dir, f), '')
    const { candidates } = await printerCandidates(dev.dir)
    const ports = await SerialPort.list()
    expect(candidates.map((c) => c.spec)).toEqual([
      `device:${dev.dir}/usb/lp0`,
      ...ports.map((p) => `serial:${p.path}?baud=9600`)
    ])
    for (const c of candidates) expect(() => parsePrinterSpec(c.spec)).not.toThrow()
    dev.remove()
  })
})
