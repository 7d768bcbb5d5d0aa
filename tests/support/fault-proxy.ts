/**
 * A fault-injecting TCP proxy on loopback between a client and its upstream, switchable at
 * runtime: refuse, reset before or after the request reached the upstream, delay the answer,
 * or answer a burst of requests with 5xx itself.
 */
import net from 'node:net'

export type FaultKind =
  | { kind: 'pass' }
  /** Listener closed: connect fails with ECONNREFUSED, the request never leaves the client. */
  | { kind: 'refuse' }
  /** Reset the connection as the request arrives: the upstream never sees it. */
  | { kind: 'reset-before-request' }
  /** Forward the request, reset the client when the answer starts: the upstream committed. */
  | { kind: 'reset-after-request' }
  /** Forward the request, hold its answer this long (past the client's timeout). */
  | { kind: 'delay'; ms: number }
  /** Answer the next `count` requests with `status` (503 by default) without forwarding. */
  | { kind: 'http-5xx'; count: number; status?: number }

/** `methods` narrows a fault to some requests (e.g. POST only); the others pass. */
export type FaultMode = FaultKind & { methods?: string[] }

export interface FaultProxy {
  url: string
  port: number
  readonly mode: FaultMode
  stats: { connections: number; requests: number; resets: number; injected5xx: number }
  setMode(mode: FaultMode): Promise<void>
  close(): Promise<void>
}

const REQUEST_START = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /

export async function startFaultProxy(upstream: { host?: string; port: number }): Promise<FaultProxy> {
  const host = upstream.host ?? '127.0.0.1'
  let mode: FaultMode = { kind: 'pass' }
  const sockets = new Set<net.Socket>()
  const stats = { connections: 0, requests: 0, resets: 0, injected5xx: 0 }
  const track = (s: net.Socket): void => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }

  // The fault is chosen per request (not per connection), so pooled keep-alive sockets obey a
  // mode switch at their next request.
  const faultFor = (head: string): FaultMode => {
    const method = head.slice(0, head.indexOf(' '))
    if (mode.methods && !mode.methods.includes(method)) return { kind: 'pass' }
    if (mode.kind === 'http-5xx' && mode.count <= 0) return { kind: 'pass' }
    return mode
  }

  const server = net.createServer((client) => {
    stats.connections++
    track(client)
    const up = net.connect(upstream.port, host)
    track(up)
    let current: FaultMode = { kind: 'pass' }
    client.on('error', () => up.destroy())
    up.on('error', () => client.destroy())
    client.on('close', () => up.destroy())
    up.on('close', () => client.end())
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1', 0, 16)
      if (REQUEST_START.test(text)) {
        stats.requests++
        current = faultFor(text)
        if (current.kind === 'reset-before-request') {
          stats.resets++
          client.resetAndDestroy()
          return
        }
        if (current.kind === 'http-5xx' && mode.kind === 'http-5xx') {
          mode.count--
          stats.injected5xx++
          const body = '<html><body><h1>Service Unavailable</h1></body></html>'
          client.end(
            `HTTP/1.1 ${current.status ?? 503} Service Unavailable\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
          )
          up.destroy()
          return
        }
      }
      if (current.kind !== 'http-5xx') up.write(chunk)
    })
    up.on('data', (chunk: Buffer) => {
      const m = current
      if (m.kind === 'reset-after-request') {
        stats.resets++
        client.resetAndDestroy()
        up.destroy()
      } else if (m.kind === 'delay') {
        setTimeout(() => !client.destroyed && client.write(chunk), m.ms)
      } else {
        client.write(chunk)
      }
    })
  })

  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  await listen(0)
  const port = (server.address() as net.AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    get mode() {
      return mode
    },
    async setMode(next) {
      const wasListening = mode.kind !== 'refuse'
      mode = next.kind === 'http-5xx' ? { ...next } : next
      if (next.kind === 'refuse' && wasListening) {
        // A refused upstream also loses the connections it had.
        const closed = new Promise<void>((r) => server.close(() => r()))
        for (const s of sockets) s.destroy()
        await closed
      }
      if (next.kind !== 'refuse' && !wasListening) await listen(port)
    },
    async close() {
      for (const s of sockets) s.destroy()
      if (mode.kind !== 'refuse') await new Promise<void>((r) => server.close(() => r()))
    }
  }
}
