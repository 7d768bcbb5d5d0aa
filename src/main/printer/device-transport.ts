/** Linux printer device files (/dev/usb/lp0): bytes go out through plain writes, no status. */
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { CONNECTED_UNKNOWN, type PrinterTransport, fromSystemError } from './printer-transport'

// No O_CREAT: when the printer is unplugged /dev/usb/lp0 vanishes, and opening with 'w' would
// create a regular file there (as root) that swallows every later receipt.
const WRITE_FLAGS = constants.O_WRONLY | constants.O_NOCTTY

/** Opens the device, writes the whole job, closes: one open per job, like one TCP connection. */
export async function writeDevice(path: string, bytes: Uint8Array, label: string): Promise<void> {
  let handle
  try {
    handle = await open(path, WRITE_FLAGS)
  } catch (err) {
    throw fromSystemError(err, label, true)
  }
  try {
    await handle.write(bytes)
  } catch (err) {
    throw fromSystemError(err, label, false)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

export class DeviceTransport implements PrinterTransport {
  readonly description: string

  constructor(private readonly path: string) {
    this.description = `device:${path}`
  }

  write(bytes: Uint8Array): Promise<void> {
    return writeDevice(this.path, bytes, this.description)
  }

  /**
   * Hardware note: usblp answers status through the LPGETSTATUS ioctl, which Node cannot call
   * without a native addon, so we only report whether the device node can be opened.
   */
  async status(): Promise<PrinterStatus> {
    try {
      const h = await open(this.path, WRITE_FLAGS)
      await h.close()
      return { ...CONNECTED_UNKNOWN }
    } catch (err) {
      const e = fromSystemError(err, this.description, true)
      return { ...CONNECTED_UNKNOWN, state: e.code === 'io' ? 'disconnected' : e.code, detail: e.message }
    }
  }

  async close(): Promise<void> {}
}
