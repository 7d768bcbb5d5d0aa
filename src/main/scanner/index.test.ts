import { describe, expect, it } from 'vitest'
import { FakeHidBackend } from './fake-hid-device'
import { createScanner, parseScannerSpec } from './index'

describe('createScanner', () => {
  it('opens nothing for wedge and none', () => {
    expect(createScanner(parseScannerSpec('wedge'))).toBeNull()
    expect(createScanner(parseScannerSpec('none'))).toBeNull()
  })
  it('builds a service over the given backend for HID specs', async () => {
    const backend = new FakeHidBackend([{ vendorId: 0x05e0, productId: 0x1200, path: 'p', usagePage: 0x8c, usage: 2 }])
    const scanner = createScanner(parseScannerSpec('hid:05e0:1200'), { backend, pollMs: 60_000 })
    if (!scanner) throw new Error('expected a service')
    await scanner.start()
    expect(scanner.status().state).toBe('connected')
    await scanner.stop()
    expect(backend.opened[0]?.closed).toBe(true)
  })
})
