/** Raw TCP clients for socket tests and benches: the bytes no HTTP library would send, and timings. */
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface RawClient {
  socket: Socket
  /** Everything received so far. */
  text(): string
  /** Resolves with the milliseconds from connect to close. */
  closed: Promise<number>
  isClosed(): boolean
  /** Writes one byte of `text` every `everyMs` until done or closed; resolves when it stops. */
  trickle(text: string, everyMs: number): Promise<void>
}

/** Opens a TCP connection to a loopback port and records what comes back. */
export function rawConnect(port: number, host = '127.0.0.1'): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    let received = ''
    let done = false
    const socket = connect(port, host)
    socket.setNoDelay(true)
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')))
    socket.on('error', () => {})
    const closed = new Promise<number>((r) =>
      socket.once('close', () => {
        done = true
        r(Date.now() - started)
      })
    )
    socket.once('connect', () =>
      resolve({
        socket,
        text: () => received,
        closed,
        isClosed: () => done,
        trickle: async (text, everyMs) => {
          for (const ch of text) {
            if (done || !socket.writable) return
            socket.write(ch)
            await new Promise((r) => setTimeout(r, everyMs))
          }
        }
      })
    )
    socket.once('error', reject)
  })
}

/** An HTTP/1.1 upgrade request to a WebSocket, as a browser sends it. */
export function upgradeRequest(port: number, target: string, extraHeaders = ''): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extraHeaders}\r\n`
  )
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request on a connection of its own (`Connection: close`): nothing pooled counts against a cap. */
export function requestOnce(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent: false, timeout: opts.timeoutMs ?? 10_000 },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        res.on('error', reject)
      }
    )
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${opts.timeoutMs ?? 10_000} ms`)))
    req.on('error', reject)
    req.end(opts.body)
  })
}
