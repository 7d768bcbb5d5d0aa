/** The admin scanner test: raw reports and decoded values flow only while it is open. */
import { afterEach, describe, expect, it } from 'vitest'
import type { IpcEventPayload } from '../../shared/ipc'
import { FakeHidBackend } from './fake-hid-device'
import { createScannerService, type ScannerService } from './scanner-service'
import { ScannerTest } from './scanner-test'

const pos = { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw4', usagePage: 0x8c, usage: 2, product: 'Xenon' }
// "A1" as one HID POS report: id 2, length 2, ]C0, data. Reports are 64 bytes, as the Honeywell HID POS layout documents (zero padding after the data).
const scanA1 = '02025d43304131'.padEnd(128, '0')

let service: ScannerService | undefined
afterEach(async () => {
  await service?.stop()
})

describe('ScannerTest', () => {
  it('pushes raw hex and the decoded text between start and stop, nothing outside', async () => {
    const backend = new FakeHidBackend([pos])
    service = createScannerService({ spec: { kind: 'hid-pos' }, backend, pollMs: 60_000 })
    await service.start()
    const sent: Array<IpcEventPayload<'scanner:raw'>> = []
    const test = new ScannerTest({ scanner: service, spec: 'hid-pos', send: (p) => sent.push(p) })

    backend.current()?.send(scanA1)
    expect(sent).toEqual([])
    expect(test.start()).toMatchObject({
      spec: 'hid-pos',
      state: 'connected',
      device: { vendorId: 0x0c2e, productId: 0x0b61, product: 'Xenon' },
      testing: true
    })
    backend.current()?.send(scanA1)
    expect(sent).toEqual([{ source: 'hid-pos', hex: scanA1, decoded: 'A1', symbology: ']C0' }])
    // Starting twice must not double the listeners (each scan would show twice).
    test.start()
    backend.current()?.send(scanA1)
    expect(sent).toHaveLength(2)
    expect(test.stop().testing).toBe(false)
    backend.current()?.send(scanA1)
    expect(sent).toHaveLength(2)
  })

  it('tells the admin why a read was dropped: which layout the report did not fit', async () => {
    const backend = new FakeHidBackend([pos])
    service = createScannerService({ spec: { kind: 'hid-pos' }, backend, pollMs: 60_000 })
    await service.start()
    const sent: Array<IpcEventPayload<'scanner:raw'>> = []
    const test = new ScannerTest({ scanner: service, spec: 'hid-pos', send: (p) => sent.push(p) })
    test.start()
    // The Newland layout (data from byte 2) on a Honeywell id, which documents the AIM layout.
    backend.current()?.send(`020d${Buffer.from('1234567890123').toString('hex')}`.padEnd(128, '0'))
    expect(sent).toEqual([
      {
        source: 'hid-pos',
        hex: '',
        dropped: 'unknown-layout',
        detail: 'aim layout: byte 2 is 0x31, not the ] of an AIM id'
      }
    ])
    test.stop()
  })

  it('stops by itself after its timeout, and says "wedge" when the renderer owns the scanner', async () => {
    const backend = new FakeHidBackend([pos])
    service = createScannerService({ spec: { kind: 'hid-pos' }, backend, pollMs: 60_000 })
    await service.start()
    const test = new ScannerTest({ scanner: service, spec: 'hid-pos', send: () => {}, timeoutMs: 20 })
    test.start()
    await new Promise((r) => setTimeout(r, 50))
    expect(test.testing).toBe(false)
    expect(new ScannerTest({ scanner: null, spec: 'wedge', send: () => {} }).start()).toEqual({
      spec: 'wedge',
      state: 'wedge',
      testing: false
    })
  })
})
