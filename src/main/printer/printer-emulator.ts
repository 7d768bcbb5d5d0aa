/** A network receipt printer on loopback: answers DLE EOT, keeps every job it receives. */
import { EventEmitter } from 'node:events'
import { mkdir, writeFile } from 'node:fs/promises'
import { type Server, type Socket, createServer } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { decodeEscPos } from '../../shared/receipt/escpos-decoder'
import type { Columns } from '../../shared/receipt/receipt-model'
import { renderPreview } from '../../shared/receipt/render-preview'

export interface EmulatorOptions {
  /** 0 picks a free port on first start; later restarts reuse the port it got. */
  port?: number
  paperOut?: boolean
  offline?: boolean
  coverOpen?: boolean
  /** Also write `job-0001.bin` and `.txt` here. */
  saveDir?: string
  columns?: Columns
}

export interface EmulatorJob {
  id: number
  bytes: Uint8Array
  receivedAt: number
  /** performance.now() when the printer took the job's connection, and when its last print byte arrived. */
  acceptedAt: number
  lastByteAt: number
  /** False when the bytes arrived while the printer could not print (paper out, offline). */
  printed: boolean
}

export class PrinterEmulator extends EventEmitter {
  readonly jobs: EmulatorJob[] = []
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  private state: { paperOut: boolean; offline: boolean; coverOpen: boolean }
  private listenPort: number

  constructor(private readonly options: EmulatorOptions = {}) {
    super()
    this.listenPort = options.port ?? 0
    this.state = { paperOut: !!options.paperOut, offline: !!options.offline, coverOpen: !!options.coverOpen }
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.listenPort}`
  }

  /** The port it listens on (the one picked, after start() with port 0). */
  port(): number {
    return this.listenPort
  }

  /** Jobs that came out on paper. */
  get printed(): EmulatorJob[] {
    return this.jobs.filter((j) => j.printed)
  }

  /** Resolves once `count` jobs have arrived (the server sees a close after the client does). */
  waitForJobs(count: number, timeoutMs = 5000): Promise<EmulatorJob[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.jobs.length < count) return false
        clearTimeout(timer)
        this.off('job', check)
        resolve(this.jobs)
        return true
      }
      const timer = setTimeout(() => {
        this.off('job', check)
        reject(new Error(`emulator: ${this.jobs.length} of ${count} jobs after ${timeoutMs} ms`))
      }, timeoutMs)
      if (!check()) this.on('job', check)
    })
  }

  setPaperOut(on: boolean): void {
    this.state.paperOut = on
  }
  setOffline(on: boolean): void {
    this.state.offline = on
  }
  setCoverOpen(on: boolean): void {
    this.state.coverOpen = on
  }

  /** The answer to DLE EOT n as a real Epson-compatible printer gives it (0x12 baseline). */
  statusByte(n: number): number {
    const { paperOut, offline, coverOpen } = this.state
    const stopped = paperOut || offline || coverOpen
    if (n === 1) return 0x12 | (stopped ? 0x08 : 0)
    if (n === 2) return 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0)
    if (n === 4) return 0x12 | (paperOut ? 0x60 : 0) // 0x72 at paper end
    return 0x12
  }

  async start(): Promise<number> {
    if (this.server) return this.listenPort
    const server = createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.listenPort, '127.0.0.1', () => resolve())
    })
    const address = server.address()
    this.listenPort = typeof address === 'object' && address ? address.port : this.listenPort
    this.server = server
    return this.listenPort
  }

  /** Closes the port and drops open connections: what unplugging the cable looks like. */
  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = null
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    const data: number[] = []
    let printable = !(this.state.paperOut || this.state.offline || this.state.coverOpen)
    let carry: number[] = []
    let lastByteAt = 0
    const acceptedAt = performance.now()
    socket.on('data', (chunk: Buffer) => {
      const before = data.length
      const bytes = [...carry, ...chunk]
      carry = []
      for (let i = 0; i < bytes.length; i++) {
        // Real-time commands are answered at once and are not print data. Hazard shared with
        // real printers: the same three bytes inside image data would be taken as a request.
        if (bytes[i] === 0x10 && (i + 2 >= bytes.length || bytes[i + 1] === 0x04)) {
          if (i + 2 >= bytes.length) {
            carry = bytes.slice(i)
            break
          }
          const n = bytes[i + 2]!
          if (n >= 1 && n <= 4) {
            socket.write(Uint8Array.of(this.statusByte(n)))
            i += 2
            continue
          }
        }
        data.push(bytes[i]!)
      }
      if (data.length > before) lastByteAt = performance.now()
      // The printer state when print data arrives decides whether it is printed.
      if (data.length > 0 && (this.state.paperOut || this.state.offline || this.state.coverOpen)) printable = false
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      this.sockets.delete(socket)
      data.push(...carry)
      if (data.length > 0) void this.record(Uint8Array.from(data), printable, { acceptedAt, lastByteAt })
    })
    socket.on('end', () => socket.end())
  }

  private async record(
    bytes: Uint8Array,
    printed: boolean,
    at: { acceptedAt: number; lastByteAt: number }
  ): Promise<void> {
    const job: EmulatorJob = { id: this.jobs.length + 1, bytes, receivedAt: Date.now(), ...at, printed }
    this.jobs.push(job)
    this.emit('job', job)
    if (this.options.saveDir) {
      const name = join(this.options.saveDir, `job-${String(job.id).padStart(4, '0')}`)
      await mkdir(this.options.saveDir, { recursive: true })
      await writeFile(`${name}.bin`, bytes)
      await writeFile(`${name}.txt`, renderPreview(decodeEscPos(bytes), this.options.columns ?? 48))
    }
  }
}
