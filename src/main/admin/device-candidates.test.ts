/** Device choices for the admin screen: HID devices as scanner specs, printer device files as printer specs. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { parsePrinterSpec } from '../printer'
import { parseScannerSpec } from '../scanner'
import { FakeHidBackend } from '../scanner/fake-hid-device'
import { printerCandidates, scannerCandidates } from './device-candidates'

describe('device candidates', () => {
  it('lists each HID device once, POS scanners first, as specs the settings accept', async () => {
    const keyboard = { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw1', product: 'Keyboard', usagePage: 1 }
    const pos = {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw4',
      product: 'Xenon',
      manufacturer: 'Honeywell',
      usagePage: 0x8c
    }
    const { candidates } = await scannerCandidates(
      new FakeHidBackend([keyboard, pos, { ...pos, path: '/dev/hidraw5', usagePage: 1 }])
    )
    expect(candidates.map((c) => c.spec)).toEqual(['hid-pos', 'wedge', 'hid:0c2e:0b61', 'hid:046d:c31c'])
    expect(candidates[2]?.label).toBe('Honeywell Xenon (0c2e:0b61) — HID POS')
    for (const c of candidates) expect(() => parseScannerSpec(c.spec)).not.toThrow()
    const broken = {
      list: () => Promise.reject(new Error('libudev missing')),
      open: () => Promise.reject(new Error('no'))
    }
    expect(await scannerCandidates(broken)).toEqual({ candidates: [], error: 'libudev missing' })
  })

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
