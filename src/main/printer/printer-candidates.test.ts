/** Printer choices for the admin screen: printer device files as printer specs. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { printerCandidates } from './printer-candidates'
import { parsePrinterSpec } from './printer-spec'

describe('printer candidates', () => {
  it('finds USB printer and serial device files and offers them as valid printer specs', async () => {
    const dev = tempDir('dev-')
    mkdirSync(join(dev.dir, 'usb'))
    for (const f of ['usb/lp0', 'usb/hiddev0', 'ttyUSB0', 'ttyS0']) writeFileSync(join(dev.dir, f), '')
    const { candidates } = await printerCandidates(dev.dir)
    expect(candidates.map((c) => c.spec)).toEqual([`device:${dev.dir}/usb/lp0`, `serial:${dev.dir}/ttyUSB0?baud=9600`])
    for (const c of candidates) expect(() => parsePrinterSpec(c.spec)).not.toThrow()
    dev.remove()
  })
})
