/** A serial port opened through `serialport` for one job: byte-at-a-time reads for status answers, bounded writes. */
import { SerialPort } from 'serialport'
import type { PrinterSocket } from './tcp-socket'
import { ByteInbox } from './byte-inbox'

export type FlowControl = 'none' | 'rtscts' | 'xonxoff'

export interface SerialLinkOptions {
  path: string
  baud: number
  flow: FlowControl
  /** How long a write may wait for the printer (flow control holds it while its buffer is full). */
  writeTimeoutMs: number
}

export function openSerialLink(o: SerialLinkOptions): Promise<PrinterSocket> {
  const port = new SerialPort({
    path: o.path,
    baudRate: o.baud,
    dataBits: 8,
    stopBits: 1,
    parity: 'none',
    rtscts: o.flow === 'rtscts',
    xon: o.flow === 'xonxoff',
    xoff: o.flow === 'xonxoff',
    autoOpen: false
  })
  const inbox = new ByteInbox()
  let failure: Error | null = null
  port.on('data', (chunk: Buffer) => {
    inbox.push(chunk)
  })
  port.on('error', (err) => {
    failure = err
    inbox.wake()
  })
  const close = (): Promise<void> => new Promise((res) => (port.isOpen ? port.close(() => res()) : res()))
  const link: PrinterSocket = {
    readByte: (ms) => inbox.readByte(ms),
    write(bytes) {
      return new Promise((res, rej) => {
        if (failure) return rej(failure)
        const t = setTimeout(
          () => rej(new Error(`the printer took no data for ${o.writeTimeoutMs} ms`)),
          o.writeTimeoutMs
        )
        port.write(Buffer.from(bytes), (err) => {
          if (err) return (clearTimeout(t), rej(err))
          // drain: the bytes have left the host, not just entered Node's buffer.
          port.drain((e) => (clearTimeout(t), e ? rej(e) : res()))
        })
      })
    },
    finish: async () => {
      if (failure) throw failure
      await close()
    },
    destroy: () => void close()
  }
  return new Promise((resolve, reject) => port.open((err) => (err ? reject(err) : resolve(link))))
}
