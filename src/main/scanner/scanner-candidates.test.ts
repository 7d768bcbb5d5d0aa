/** Scanner choices for the admin screen: HID devices as scanner specs. */
import { describe, expect, it } from 'vitest'
import { FakeHidBackend } from './fake-hid-device'
import { scannerCandidates } from './scanner-candidates'
import { parseScannerSpec } from './scanner-spec'

describe('scanner candidates', () => {
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
})
