/** A TCP connection to a printer with timeouts, and byte-at-a-time reads for status answers. */
import { Socket } from 'node:net'
import { ByteInbox } from './byte-inbox'

export interface PrinterSocket {
  /** Reads one byte; resolves undefined if none arrives within `timeoutMs`. */
  readByte(timeoutMs: number): Promise<number | undefined>
  write(bytes: Uint8Array): Promise<void>
  /** Half-closes and waits for the printer to close (bounded), then destroys. */
  finish(timeoutMs: number): Promise<void>
  destroy(): void
}

/** Connects with a timeout: an unplugged network printer otherwise hangs for minutes in SYN. */
export function connectPrinter(host: string, port: number, timeoutMs: number): Promise<PrinterSocket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket()
    const inbox = new ByteInbox()
    let failure: Error | null = null
    const timer = setTimeout(() => {
      socket.destroy()
      reject(Object.assign(new Error(`connect timeout after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }))
    }, timeoutMs)
    socket.setNoDelay(true)
    socket.on('data', (chunk: Buffer) => {
      inbox.push(chunk)
    })
    socket.on('error', (err) => {
      failure = err
      clearTimeout(timer)
      reject(err)
      inbox.wake()
    })
    socket.on('close', () => inbox.wake())
    socket.connect(port, host, () => {
      clearTimeout(timer)
      resolve({
        readByte: (ms) => inbox.readByte(ms),
        write(bytes) {
          return new Promise((res, rej) => {
            if (failure || socket.destroyed) return rej(failure ?? new Error('connection closed'))
            socket.write(bytes, (err) => (err ? rej(err) : res()))
          })
        },
        finish(ms) {
          return new Promise((res, rej) => {
            if (failure) return rej(failure)
            if (socket.destroyed) return res()
            const t = setTimeout(() => {
              socket.destroy()
              res()
            }, ms)
            socket.once('close', () => {
              clearTimeout(t)
              if (failure) rej(failure)
              else res()
            })
            socket.end()
          })
        },
        destroy: () => socket.destroy()
      })
    })
  })
}
