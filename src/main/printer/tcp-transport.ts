/** Network printers on a raw TCP port (9100): one connection per job, status read via DLE EOT. */
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import { dleEot, statusFromBytes } from './escpos-status'
import { PrinterError, type PrinterTransport, fromSystemError } from './printer-transport'
import { type PrinterSocket, connectPrinter } from './tcp-socket'

export interface TcpTransportOptions {
  host: string
  port: number
  connectTimeoutMs?: number
  /** Per DLE EOT answer. Printers answer in milliseconds even when offline. */
  statusTimeoutMs?: number
  /** How long to wait for the printer to close after the job was sent. */
  finishTimeoutMs?: number
}

/** DLE EOT 1, 2 and 4 over a connection that answers them (TCP or serial). */
export async function queryStatus(sock: PrinterSocket, timeoutMs: number): Promise<PrinterStatus> {
  const ask = async (n: 1 | 2 | 4): Promise<number | undefined> => {
    await sock.write(dleEot(n))
    return sock.readByte(timeoutMs)
  }
  // Asked one at a time: answers carry no tag, so order is the only way to tell them apart.
  const printer = await ask(1)
  const offlineCause = await ask(2)
  const paper = await ask(4)
  return statusFromBytes({ printer, offlineCause, paper })
}

export class TcpTransport implements PrinterTransport {
  readonly description: string
  private readonly o: Required<TcpTransportOptions>

  constructor(options: TcpTransportOptions) {
    this.o = { connectTimeoutMs: 3000, statusTimeoutMs: 1000, finishTimeoutMs: 5000, ...options }
    this.description = `tcp://${options.host}:${options.port}`
  }

  private async connect(): Promise<PrinterSocket> {
    try {
      return await connectPrinter(this.o.host, this.o.port, this.o.connectTimeoutMs)
    } catch (err) {
      throw fromSystemError(err, this.description, true)
    }
  }

  async status(): Promise<PrinterStatus> {
    let sock: PrinterSocket
    try {
      sock = await this.connect()
    } catch (err) {
      const e = err as PrinterError
      return {
        state: e.code === 'io' ? 'disconnected' : e.code,
        online: null,
        coverOpen: null,
        paper: 'unknown',
        detail: e.message
      }
    }
    try {
      return await queryStatus(sock, this.o.statusTimeoutMs)
    } finally {
      sock.destroy()
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const sock = await this.connect()
    let sent = false
    try {
      // Hardware hazard: a printer at paper end buffers what it gets and may print it when
      // paper is loaded, so a later retry would print the receipt twice. Check, then send.
      const st = await queryStatus(sock, this.o.statusTimeoutMs)
      if (st.state === 'paper-out' || st.state === 'offline') {
        throw new PrinterError(st.state, `${this.description}: ${st.detail ?? st.state}`)
      }
      // A printer that does not answer DLE EOT (state 'connected') still gets the job.
      sent = true
      await sock.write(bytes)
      await sock.finish(this.o.finishTimeoutMs)
    } catch (err) {
      sock.destroy()
      throw fromSystemError(err, this.description, !sent)
    }
  }

  async close(): Promise<void> {}
}
