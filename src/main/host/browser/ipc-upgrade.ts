/** Who may open the IPC socket: /ipc only, our Host, our Origin or none, the token if the query shows one. */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { PageGate } from './page-gate'

/** An upgrade is answered (refused, or handed to the WebSocket) within this, or its socket is destroyed. */
const HANDSHAKE_MS = 10_000

/** Hands an upgrade that passed every check to the WebSocket; `settle` ends the handshake deadline. */
export type Admit = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  queryToken: boolean,
  settle: () => void
) => void

export interface UpgradeDoor {
  /** Destroys the sockets still mid-handshake (they would hold the server's close() open). */
  close(): void
}

function deny(socket: Duplex, status: number, text: string): void {
  // The server is half-open: without the destroy a client that never closes holds the socket.
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nRefused: ${text}\n`)
}

/** Checks every upgrade on `server`; everything that fails is refused before any WebSocket exists. */
export function guardUpgrades(server: Server, gate: PageGate, admit: Admit): UpgradeDoor {
  const handshaking = new Set<Duplex>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over with no error listener and no timeout: a client that resets
    // the connection while we answer it would be an uncaught exception that ends the whole host.
    // (Once the WebSocket owns the socket, ws adds its own listener.)
    socket.on('error', () => {})
    const deadline = setTimeout(() => socket.destroy(), HANDSHAKE_MS)
    const settle = (): void => {
      clearTimeout(deadline)
      handshaking.delete(socket)
    }
    handshaking.add(socket)
    socket.once('close', settle)

    // A request target that is not a URL must be refused here: a throw in this listener is
    // an uncaught exception that ends the whole host, before any token was shown.
    let url: URL
    try {
      url = gate.urlOf(req.url)
    } catch {
      return deny(socket, 400, 'Bad Request')
    }
    if (url.pathname !== '/ipc') return deny(socket, 404, 'Not Found')
    if (!gate.hostOk(req.headers.host)) return deny(socket, 421, 'Misdirected Request')
    if (!gate.originOk(req.headers.origin)) return deny(socket, 403, 'Forbidden')
    const queryToken = url.searchParams.get('token')
    if (queryToken !== null && !gate.tokenOk(queryToken)) return deny(socket, 401, 'Unauthorized')
    admit(req, socket, head, queryToken !== null, settle)
  })

  return {
    close() {
      for (const socket of handshaking) socket.destroy()
      handshaking.clear()
    }
  }
}
