import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNodeHidBackend, loadNodeHid, readHidrawDescriptor } from './hid-device'
import { deviceInfoSchema } from './scanner-types'

// Smoke test against the real native module: proves the prebuild loads and libusb-1.0/libudev are
// present (CI installs libusb-1.0-0). No device is attached on CI, so the list may be empty.
describe('node-hid (real module)', () => {
  it('loads and lists devices', async () => {
    const hid = await loadNodeHid()
    expect(typeof hid.getHidapiVersion()).toBe('string')
    const raw = await hid.devicesAsync()
    expect(Array.isArray(raw)).toBe(true)
    const listed = await createNodeHidBackend().list()
    expect(listed.length).toBe(raw.length)
    for (const d of listed) deviceInfoSchema.parse(d)
  })

  it('rejects a path that is not a hidraw device with an error, not a crash', async () => {
    await expect(createNodeHidBackend().open({ vendorId: 1, productId: 1, path: '/dev/null' })).rejects.toThrow(
      /hidraw|open/i
    )
  })
})

describe('readHidrawDescriptor', () => {
  it("reads a hidraw node's descriptor from sysfs, and nothing for other paths", async () => {
    const sys = mkdtempSync(join(tmpdir(), 'sysfs-'))
    try {
      mkdirSync(join(sys, 'class/hidraw/hidraw4/device'), { recursive: true })
      writeFileSync(join(sys, 'class/hidraw/hidraw4/device/report_descriptor'), Buffer.from([0x05, 0x8c, 0x09, 0x02]))
      expect(await readHidrawDescriptor('/dev/hidraw4', sys)).toEqual(Buffer.from([0x05, 0x8c, 0x09, 0x02]))
      expect(await readHidrawDescriptor('/dev/hidraw5', sys)).toBeUndefined()
      expect(await readHidrawDescriptor('1-1:1.0', sys)).toBeUndefined()
      expect(await readHidrawDescriptor('/dev/hidraw4/../../etc/passwd', sys)).toBeUndefined()
    } finally {
      rmSync(sys, { recursive: true, force: true })
    }
  })
})
