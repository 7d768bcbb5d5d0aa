/** Serial printers (/dev/ttyUSB0, /dev/ttyS0): line set with `stty`, then written as a file. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { writeDevice } from './device-transport'
import { CONNECTED_UNKNOWN, type PrinterTransport, PrinterError } from './printer-transport'

/** Sets the tty line: baud, 8N1, raw (no newline translation, which would corrupt ESC/POS). */
export type LineConfigurer = (path: string, baud: number) => Promise<void>

const run = promisify(execFile)

export const sttyConfigurer: LineConfigurer = async (path, baud) => {
  // crtscts: most serial receipt printers use RTS/CTS to stop the host when their buffer fills.
  await run('stty', ['-F', path, String(baud), 'cs8', '-cstopb', '-parenb', 'raw', '-echo', 'crtscts'])
}

/**
 * Implemented without the `serialport` package (not installed): the tty is configured with
 * stty and written through the device-file path. Status is not read back, because a blocking
 * read on a tty from Node's thread pool cannot be cancelled cleanly on timeout.
 */
export class SerialTransport implements PrinterTransport {
  readonly description: string
  private configured = false

  constructor(
    private readonly path: string,
    private readonly baud: number,
    private readonly configure: LineConfigurer = sttyConfigurer
  ) {
    this.description = `serial:${path}?baud=${baud}`
  }

  private async ensureConfigured(): Promise<void> {
    if (this.configured) return
    try {
      await this.configure(this.path, this.baud)
      this.configured = true
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err)
      throw new PrinterError(
        /No such file/i.test(msg) ? 'not-found' : 'disconnected',
        `${this.description}: stty failed: ${msg}`
      )
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.ensureConfigured()
    try {
      await writeDevice(this.path, bytes, this.description)
    } catch (err) {
      // A replugged USB-serial adapter comes back with default line settings.
      this.configured = false
      throw err
    }
  }

  async status(): Promise<PrinterStatus> {
    try {
      await this.ensureConfigured()
      return { ...CONNECTED_UNKNOWN }
    } catch (err) {
      const e = err as PrinterError
      return { ...CONNECTED_UNKNOWN, state: e.code === 'io' ? 'disconnected' : e.code, detail: e.message }
    }
  }

  async close(): Promise<void> {}
}
