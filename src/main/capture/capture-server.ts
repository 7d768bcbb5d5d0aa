/**
 * The host as a raw network printer (the 9100 convention): answers a POS's status requests with
 * the real printer's state and commits every byte of each job to the capture file as it arrives.
 * A job ends when the POS closes the connection or falls silent for the idle gap.
 */
import { type Server, type Socket, createServer } from 'node:net'
import type { PrinterStatus } from '../../shared/receipt/printer-status'
import type { CaptureStore, EndReason } from './capture-store'
import { EscPosStream } from './escpos-stream'
import { asbAnswer, eotAnswer } from './status-answers'

export interface CaptureServerOptions {
  host: string
  port: number
  store: CaptureStore
  /** The real printer's last known state: what a POS asking for status is told. */
  printerStatus: () => PrinterStatus
  /** A job is on disk, whole. */
  onJob: (id: number) => void
  /** Silence that ends a job on a connection the POS keeps open. */
  idleGapMs?: number
  /** Silence after which a connection is closed. */
  socketIdleMs?: number
  /** A job larger than this is cut off and held (receipts are a few KiB; logos some 100 KiB). */
  maxJobBytes?: number
  maxConnections?: number
  now?: () => number
  log?: (line: string) => void
}

export const CAPTURE_DEFAULTS = {
  idleGapMs: 1000,
  socketIdleMs: 60_000,
  maxJobBytes: 8 * 1024 * 1024,
  maxConnections: 8
} as const

export class CaptureServer {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private readonly o: Required<CaptureServerOptions>

  constructor(options: CaptureServerOptions) {
    this.o = { ...CAPTURE_DEFAULTS, now: Date.now, log: () => undefined, ...options }
  }

  /** Listens; resolves with the port (the one picked when asked for 0). */
  async start(): Promise<number> {
    const server = createServer((socket) => this.accept(socket))
    server.maxConnections = this.o.maxConnections
    server.on('error', (err) => this.o.log(`capture: ${err.message}`))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.o.port, this.o.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.server = server
    const address = server.address()
    return typeof address === 'object' && address ? address.port : this.o.port
  }

  async close(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    const { store, now } = this.o
    const stream = new EscPosStream()
    let job: number | null = null
    let gap: NodeJS.Timeout | undefined
    const end = (reason: EndReason): void => {
      clearTimeout(gap)
      const rest = stream.flush()
      if (rest.length > 0) job ??= store.begin(now())
      if (job === null) return
      const id = job
      job = null
      if (rest.length > 0) store.append(id, rest)
      store.finish(id, reason, now(), reason === 'too-large' ? 'held' : 'captured')
      if (reason === 'too-large') this.o.log(`capture: job ${id} over ${this.o.maxJobBytes} bytes, held`)
      else this.o.onJob(id)
    }
    const safely = (what: () => void): void => {
      try {
        what()
      } catch (err) {
        // The disk refused the job: the POS must see the failure, not a printer that took it.
        this.o.log(`capture: ${(err as Error).message}`)
        socket.destroy()
      }
    }
    socket.setTimeout(this.o.socketIdleMs, () => socket.destroy())
    socket.on('data', (chunk: Buffer) =>
      safely(() => {
        const { data, requests } = stream.push(chunk)
        for (const r of requests) this.answer(socket, r.kind, r.n)
        if (data.length === 0) return
        job ??= store.begin(now())
        const size = store.append(job, data)
        if (size > this.o.maxJobBytes) {
          end('too-large')
          socket.destroy()
          return
        }
        clearTimeout(gap)
        gap = setTimeout(() => safely(() => end('idle')), this.o.idleGapMs)
      })
    )
    socket.on('error', (err) => this.o.log(`capture: connection ${err.message}`))
    socket.on('end', () => socket.end())
    socket.on('close', () => {
      this.sockets.delete(socket)
      safely(() => end('closed'))
    })
  }

  private answer(socket: Socket, kind: 'eot' | 'asb', n: number): void {
    const status = this.o.printerStatus()
    if (kind === 'eot' && n >= 1 && n <= 4) socket.write(Uint8Array.of(eotAnswer(status, n)))
    // GS a n: any n but 0 enables automatic status back, which a printer sends at once.
    if (kind === 'asb' && n !== 0) socket.write(asbAnswer(status))
  }
}
