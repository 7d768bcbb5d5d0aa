/** Test double of a node-hid device and backend: tests emit Buffers exactly as HIDAsync 'data' events would. */
import { EventEmitter } from 'node:events'
import {
  DevicePermissionError,
  fromHex,
  type DeviceBackend,
  type DeviceInfo,
  type ScannerDevice
} from './scanner-types'

/** An open fake device. `send` is the only way reports enter, as on real hardware. */
export class FakeHidDevice extends EventEmitter implements ScannerDevice {
  closed = false
  /** Feature reports the service sent, in order (data[0] is the report id). */
  readonly featureReports: number[][] = []
  /** Makes sendFeatureReport fail, as a device without that report does. */
  featureError: Error | undefined
  constructor(readonly info: DeviceInfo) {
    super()
  }

  async sendFeatureReport(data: number[]): Promise<number> {
    if (this.featureError) throw this.featureError
    this.featureReports.push([...data])
    return data.length
  }

  /** Delivers one report (Buffer or fixture hex) as a 'data' event. */
  send(report: Buffer | string): void {
    if (this.closed) throw new Error('send on a closed fake device')
    this.emit('data', typeof report === 'string' ? fromHex(report) : report)
  }

  /** What node-hid does when the cable is pulled: the reader thread reports a read error. */
  fail(message = 'could not read data from device'): void {
    this.emit('error', new Error(message))
  }

  async close(): Promise<void> {
    this.closed = true
    // HIDAsync.close() removes every listener too; mirror it so leaks show up in tests.
    this.removeAllListeners()
  }
}

/** A backend whose device list and open failures the test controls. */
export class FakeHidBackend implements DeviceBackend {
  devices: DeviceInfo[]
  readonly opened: FakeHidDevice[] = []
  /** Path -> error to throw on open ('EACCES' throws the permission error the real backend throws). */
  readonly openErrors = new Map<string, 'EACCES' | Error>()
  /** Path -> report descriptor bytes, as Linux sysfs would give them. */
  readonly descriptors = new Map<string, Uint8Array>()
  /** Devices opened from now on refuse feature reports with this error (a device without the report). */
  featureError: Error | undefined
  listCalls = 0

  constructor(devices: DeviceInfo[] = []) {
    this.devices = [...devices]
  }

  async list(): Promise<DeviceInfo[]> {
    this.listCalls++
    return this.devices.map((d) => ({ ...d }))
  }

  async reportDescriptor(device: DeviceInfo): Promise<Uint8Array | undefined> {
    return device.path ? this.descriptors.get(device.path) : undefined
  }

  async open(device: DeviceInfo): Promise<FakeHidDevice> {
    const err = device.path ? this.openErrors.get(device.path) : undefined
    if (err === 'EACCES')
      throw new DevicePermissionError(`cannot open device with path ${device.path}: Permission denied`)
    if (err) throw err
    const fake = new FakeHidDevice(device)
    fake.featureError = this.featureError
    this.opened.push(fake)
    return fake
  }

  /** The most recently opened device that is still open. */
  current(): FakeHidDevice | undefined {
    return this.opened.filter((d) => !d.closed).pop()
  }

  plug(device: DeviceInfo): void {
    this.devices.push(device)
  }

  /** Removes the device from the list and fails its open handle, as an unplug does. */
  unplug(path: string): void {
    this.devices = this.devices.filter((d) => d.path !== path)
    for (const d of this.opened) if (!d.closed && d.info.path === path) d.fail()
  }
}
