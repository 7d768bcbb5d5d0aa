import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeHidBackend } from './fake-hid-device'
import { createScannerService, type ScannerService } from './scanner-service'
import type { DeviceInfo, ScanEvent, ScannerStatus } from './scanner-types'

const pos: DeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  path: '/dev/hidraw4',
  usagePage: 0x8c,
  usage: 2,
  product: 'Xenon'
}
const other: DeviceInfo = { ...pos, path: '/dev/hidraw7' }
// "A1" as one HID POS report: id 2, length 2, ]C0, data.
// Reports are 64 bytes, as the Honeywell HID POS layout documents (zero padding after the data).
const scanA1 = '02025d43304131'.padEnd(128, '0')

function setup(devices: DeviceInfo[] = [pos]) {
  const backend = new FakeHidBackend(devices)
  const log: string[] = []
  const service = createScannerService({ spec: { kind: 'hid-pos' }, backend, pollMs: 1000, log: (l) => log.push(l) })
  const statuses: ScannerStatus[] = []
  const scans: ScanEvent[] = []
  service.on('status', (s) => statuses.push(s))
  service.on('scan', (s) => scans.push(s))
  return { backend, service, statuses, scans, log, states: () => statuses.map((s) => s.state) }
}

describe('ScannerService hot-plug', () => {
  let service: ScannerService | undefined
  beforeEach(() => vi.useFakeTimers())
  afterEach(async () => {
    await service?.stop()
    vi.useRealTimers()
  })

  it('opens the matching device and emits scans from its data events', async () => {
    const t = setup()
    service = t.service
    await t.service.start()
    expect(t.statuses).toEqual([{ state: 'connected', device: pos }])
    t.backend.current()?.send(scanA1)
    expect(t.scans).toEqual([{ source: 'hid-pos', symbology: ']C0', text: 'A1', raw: scanA1 }])
    // Logs carry a masked tail only, never the identifier.
    t.backend.current()?.send(('020d5d4330' + Buffer.from('1234567890123').toString('hex')).padEnd(128, '0'))
    expect(t.scans[1]?.text).toBe('1234567890123')
    expect(t.log.join('\n')).toContain('scan hid-pos ]C0 len=13 …0123')
    expect(t.log.join('\n')).not.toContain('123456789')
  })

  it('reports not-found once, then connects when the scanner is plugged in', async () => {
    const t = setup([])
    service = t.service
    await t.service.start()
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.states()).toEqual(['not-found'])
    t.backend.plug(pos)
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.states()).toEqual(['not-found', 'connected'])
  })

  it('reopens after an unplug without a restart, and scans flow from the new handle', async () => {
    const t = setup()
    service = t.service
    await t.service.start()
    const first = t.backend.current()
    t.backend.unplug('/dev/hidraw4')
    await vi.advanceTimersByTimeAsync(0)
    expect(first?.closed).toBe(true)
    expect(t.statuses.at(-1)).toMatchObject({ state: 'disconnected', error: 'could not read data from device' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.states().at(-1)).toBe('not-found')
    t.backend.plug(other) // replugged: the kernel gives it a new hidraw node
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.statuses.at(-1)).toEqual({ state: 'connected', device: other })
    t.backend.current()?.send(scanA1)
    expect(t.scans.map((s) => s.text)).toEqual(['A1'])
    expect(t.backend.opened).toHaveLength(2)
  })

  it('notices a device that vanished from the list without a read error', async () => {
    const t = setup()
    service = t.service
    await t.service.start()
    t.backend.devices = []
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.states()).toEqual(['connected', 'disconnected', 'not-found'])
  })

  it('reports permission denied with the udev hint, and connects once access is granted', async () => {
    const t = setup()
    service = t.service
    t.backend.openErrors.set('/dev/hidraw4', 'EACCES')
    await t.service.start()
    const denied = t.statuses[0]
    expect(denied?.state).toBe('permission-denied')
    if (process.platform === 'linux') expect(denied?.hint).toMatch(/70-stamps-kiosk\.rules.*udevadm/)
    t.backend.openErrors.clear()
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.states()).toEqual(['permission-denied', 'connected'])
  })

  it('reports other open failures as disconnected with the error', async () => {
    const t = setup()
    service = t.service
    t.backend.openErrors.set('/dev/hidraw4', new Error('device busy'))
    await t.service.start()
    expect(t.statuses).toEqual([{ state: 'disconnected', device: pos, error: 'device busy' }])
  })

  it('drops a continued HID POS scan that never finishes, by timer', async () => {
    const t = setup()
    service = t.service
    const dropped: unknown[] = []
    t.service.on('dropped', (d) => dropped.push(d))
    await t.service.start()
    const continued = Buffer.alloc(64)
    continued.write('\x02\x01]Q1X', 0, 'latin1')
    continued[63] = 1
    t.backend.current()?.send(continued)
    await vi.advanceTimersByTimeAsync(400)
    expect(dropped).toEqual([{ source: 'hid-pos', reason: 'timeout', length: 1 }])
    expect(t.scans).toEqual([])
  })

  it('reads a Newland scanner by its layout: the card whole, not shifted by an AIM id it never sent', async () => {
    const newland: DeviceInfo = { ...pos, vendorId: 0x1eab, productId: 0x0d10, product: 'EM2028' }
    const t = setup([newland])
    service = t.service
    await t.service.start()
    const card = Buffer.alloc(64)
    card[0] = 2
    card[1] = 13
    card.write('1234567890123', 2, 'latin1')
    t.backend.current()?.send(card)
    expect(t.scans.map((s) => s.text)).toEqual(['1234567890123'])
    expect(t.log.join('\n')).toContain('in pos mode: Newland documents the newland layout')
  })

  it('drops every report when the descriptor rules out the documented layouts, and says why', async () => {
    const t = setup()
    service = t.service
    const dropped: unknown[] = []
    t.service.on('dropped', (d) => dropped.push(d))
    // Report 2 declared as 32 bytes (id 2, 31 data bytes): not the 64-byte HID POS report.
    t.backend.descriptors.set(pos.path ?? '', Buffer.from('058c0902a1018502750895 1f8102c0'.replace(/ /g, ''), 'hex'))
    await t.service.start()
    t.backend.current()?.send(scanA1)
    expect(t.scans).toEqual([])
    const refusal = 'the report descriptor declares report 2 as 32 bytes, not 64 bytes'
    expect(dropped).toEqual([{ source: 'hid-pos', reason: 'unknown-layout', length: 64, detail: refusal }])
    expect(t.log.join('\n')).toContain(`every report will be dropped: ${refusal}`)
  })

  it('ignores a descriptor that does not parse rather than trust half of it', async () => {
    const t = setup()
    service = t.service
    t.backend.descriptors.set(pos.path ?? '', Buffer.from([0x05, 0x8c, 0x26, 0xff]))
    await t.service.start()
    t.backend.current()?.send(scanA1)
    expect(t.scans.map((s) => s.text)).toEqual(['A1'])
    expect(t.log.join('\n')).toContain('report descriptor ignored: report descriptor truncated at byte 2')
  })

  it('sends the Honeywell redirect-output feature report only when the setting asks, and survives a refusal', async () => {
    const backend = new FakeHidBackend([pos])
    const log: string[] = []
    const plain = createScannerService({ spec: { kind: 'hid-pos' }, backend, pollMs: 1000 })
    await plain.start()
    expect(backend.current()?.featureReports).toEqual([])
    await plain.stop()
    const spec = { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, mode: 'pos', redirect: true } as const
    service = createScannerService({ spec, backend, pollMs: 1000, log: (l) => log.push(l) })
    await service.start()
    expect(backend.current()?.featureReports).toEqual([[0xfe, 0x01]])
    expect(log.join('\n')).toContain('sent Honeywell redirect-output feature report')
    // A pure HID POS device has no such report: the guide says to ignore the error, and scans still flow.
    backend.featureError = new Error('Broken pipe')
    backend.unplug(pos.path ?? '')
    backend.plug(pos)
    await vi.advanceTimersByTimeAsync(2000)
    expect(service.status().state).toBe('connected')
    expect(log.join('\n')).toContain('redirect-output feature report refused, ignored: Broken pipe')
  })

  it('stop closes the device and stops polling', async () => {
    const t = setup()
    await t.service.start()
    await t.service.stop()
    const calls = t.backend.listCalls
    await vi.advanceTimersByTimeAsync(5000)
    expect(t.backend.listCalls).toBe(calls)
    expect(t.backend.opened[0]?.closed).toBe(true)
    expect(t.service.status()).toEqual({ state: 'stopped' })
  })
})
