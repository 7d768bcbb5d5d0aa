import { describe, expect, it } from 'vitest'
import { createNodeHidBackend, loadNodeHid } from './hid-device'
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
