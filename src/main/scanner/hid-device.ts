/** Real backend: node-hid 3.x HIDAsync (reads on its own thread), loaded lazily so tests and non-HID setups never load it. */
import { EventEmitter } from 'node:events'
import { access, constants, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { HIDAsync } from 'node-hid'
import { DevicePermissionError, type DeviceBackend, type DeviceInfo, type ScannerDevice } from './scanner-types'

type NodeHid = typeof import('node-hid')

let loaded: Promise<NodeHid> | undefined

/** Loads node-hid once. It links libusb-1.0 and libudev at load time: a missing library fails here, not at boot. */
export function loadNodeHid(): Promise<NodeHid> {
  loaded ??= import('node-hid').then((m) => ((m as { default?: NodeHid }).default ?? m) as NodeHid)
  return loaded
}

/** Wraps HIDAsync so `close()` is idempotent and never throws (closing an unplugged device can fail). */
class NodeHidDevice extends EventEmitter implements ScannerDevice {
  private closed = false
  constructor(private readonly hid: HIDAsync) {
    super()
    // The first 'data' listener starts HIDAsync's reader thread.
    hid.on('data', (data: Buffer | number[]) => this.emit('data', Buffer.isBuffer(data) ? data : Buffer.from(data)))
    hid.on('error', (err: unknown) => this.emit('error', err instanceof Error ? err : new Error(String(err))))
  }

  async sendFeatureReport(data: number[]): Promise<number> {
    return this.hid.sendFeatureReport(data)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    try {
      await this.hid.close()
    } catch {
      // Already gone (unplugged): nothing left to release.
    }
    this.removeAllListeners()
  }
}

/**
 * hidapi's open error text ends with strerror ("Permission denied") on hidraw; where it does not,
 * check the node itself so the person gets the udev hint rather than a generic failure.
 */
async function isPermissionError(err: unknown, path: string): Promise<boolean> {
  if (/permission denied|EACCES|access denied/i.test(String((err as Error)?.message ?? err))) return true
  if (!path.startsWith('/dev/')) return false
  try {
    await access(path, constants.R_OK | constants.W_OK)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EACCES'
  }
}

/**
 * node-hid 3.4 has no call for the report descriptor, but Linux publishes each hidraw node's in
 * sysfs (world-readable, no udev rule needed). Elsewhere, or for libusb paths, there is none.
 */
export async function readHidrawDescriptor(path: string, sysRoot = '/sys'): Promise<Uint8Array | undefined> {
  if (!/^\/dev\/hidraw\d+$/.test(path)) return undefined
  try {
    return await readFile(`${sysRoot}/class/hidraw/${basename(path)}/device/report_descriptor`)
  } catch {
    return undefined
  }
}

/** Backend over node-hid. `driver: 'libusb'` detaches the kernel driver while open (exclusive); default hidraw does not. */
export function createNodeHidBackend(options: { driver?: 'hidraw' | 'libusb' } = {}): DeviceBackend {
  const hid = async (): Promise<NodeHid> => {
    const m = await loadNodeHid()
    if (options.driver) m.setDriverType(options.driver)
    return m
  }
  return {
    async list(): Promise<DeviceInfo[]> {
      const devices = await (await hid()).devicesAsync()
      return devices.map((d) => ({
        vendorId: d.vendorId,
        productId: d.productId,
        path: d.path,
        usagePage: d.usagePage,
        usage: d.usage,
        interface: d.interface,
        product: d.product,
        manufacturer: d.manufacturer,
        serialNumber: d.serialNumber
      }))
    },
    reportDescriptor: (device) => (device.path ? readHidrawDescriptor(device.path) : Promise.resolve(undefined)),
    async open(device: DeviceInfo): Promise<ScannerDevice> {
      if (!device.path) throw new Error('device has no path to open')
      const m = await hid()
      try {
        return new NodeHidDevice(await m.HIDAsync.open(device.path))
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        if (await isPermissionError(err, device.path)) throw new DevicePermissionError(message)
        throw err instanceof Error ? err : new Error(message)
      }
    }
  }
}
