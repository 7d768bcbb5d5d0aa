/**
 * Serial printers through `serialport`: a device path (/dev/ttyUSB0) or a Windows port (COM3),
 * baud and flow control as the printer's DIP switches say, status read back with DLE EOT.
 */
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { type PrinterTransport, PrinterError, fromSystemError } from './printer-transport'
import { type FlowControl, openSerialLink } from './serial-link'
import { queryStatus } from './tcp-transport'
import type { PrinterSocket } from './tcp-socket'

export interface SerialTransportOptions {
  path: string
  baud: number
  flow: FlowControl
  statusTimeoutMs?: number
  writeTimeoutMs?: number
}

export class SerialTransport implements PrinterTransport {
  readonly description: string
  private readonly o: Required<SerialTransportOptions>

  constructor(options: SerialTransportOptions) {
    this.o = { statusTimeoutMs: 1000, writeTimeoutMs: 30_000, ...options }
    const flow = options.flow === 'none' ? '' : `&flow=${options.flow}`
    this.description = `serial:${options.path}?baud=${options.baud}${flow}`
  }

  /** One open per job, as one connection per job on TCP: a replugged adapter is simply opened again. */
  private async open(): Promise<PrinterSocket> {
    try {
      return await openSerialLink({ ...this.o })
    } catch (err) {
      // The bindings report open errors as text ("No such file or directory, cannot open ..."), not as codes.
      const text = (err as Error).message ?? ''
      const code = /no such file|file not found|cannot find/i.test(text)
        ? 'ENOENT'
        : /permission denied|access is denied/i.test(text)
          ? 'EACCES'
          : undefined
      throw fromSystemError(code ? Object.assign(err as Error, { code }) : err, this.description, true)
    }
  }

  async status(): Promise<PrinterStatus> {
    let link: PrinterSocket
    try {
      link = await this.open()
    } catch (err) {
      const e = err as PrinterError
      const state = e.code === 'io' ? 'disconnected' : e.code
      return { state, online: null, coverOpen: null, paper: 'unknown', detail: e.message }
    }
    try {
      return await queryStatus(link, this.o.statusTimeoutMs)
    } finally {
      link.destroy()
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const link = await this.open()
    let sent = false
    try {
      // As on TCP: a printer at paper end would print the buffered job later, twice after a retry.
      const st = await queryStatus(link, this.o.statusTimeoutMs)
      if (st.state === 'paper-out' || st.state === 'offline') {
        throw new PrinterError(st.state, `${this.description}: ${st.detail ?? st.state}`)
      }
      sent = true
      await link.write(bytes)
      await link.finish(0)
    } catch (err) {
      link.destroy()
      throw fromSystemError(err, this.description, !sent)
    }
  }

  async close(): Promise<void> {}
}
