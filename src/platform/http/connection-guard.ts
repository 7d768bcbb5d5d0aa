/**
 * Every socket one server accepts, from accept to close: an error listener whoever owns it by
 * then (HTTP, an upgrade, a refusal), a cap on how many are served at once with a clear refusal
 * beyond it, and no socket kept by a client that stalls. A socket whose request is being
 * answered is never cut here: a POS waiting for its sale's answer must get it.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { answerAndClose, rawAnswer, type AnswerStyle, type RawRefusal } from './raw-answer'
import type { SocketLimits } from './socket-limits'

interface Held {
  /** When the socket began waiting on its client: accepted, a request began, or its last answer finished. */
  since: number
  /** Answers not finished yet (more than one when a client pipelines). */
  answers: Set<ServerResponse>
  /** The latest request: while its body is still arriving, the socket waits on its client. */
  latest: IncomingMessage | undefined
  /** Handed to a protocol upgrade (the browser host's WebSocket), which owns its lifetime from then on. */
  upgraded: boolean
}

export interface ConnectionCounts {
  /** Connections being served (never more than the cap). */
  open: number
  /** Refusals being written right now. */
  refusing: number
  /** Connections refused since the start (503, or closed unanswered past maxRefusing). */
  refused: number
  /** Stalled connections closed to make room for a new one at the cap. */
  evicted: number
}

export interface ConnectionGuard {
  counts(): ConnectionCounts
  /** Fastify's clientErrorHandler: a request the parser gave up on (a deadline, bad bytes). */
  clientError(err: NodeJS.ErrnoException, socket: Duplex): void
  /** Refuses every new connection and ends the refusals in flight (they would hold close() open). */
  close(): void
}

export interface GuardOptions {
  name: string
  limits: SocketLimits
  style: AnswerStyle
  /** Only the browser host takes upgrades; the others have no listener, so Node answers them as plain HTTP. */
  takesUpgrades: boolean
  log: (line: string) => void
}

const refusalOf = (err: NodeJS.ErrnoException): RawRefusal =>
  err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? 'timeout'
    : err.code === 'HPE_HEADER_OVERFLOW'
      ? 'headers-too-large'
      : 'bad-request'

/** Takes over `server`'s connections; call right after the server is created, before it listens. */
export function guardConnections(server: Server, opts: GuardOptions): ConnectionGuard {
  const { limits, style, log, name } = opts
  // The HTTP server's own connection listener runs only for connections we admit.
  const serve = server.listeners('connection') as Array<(socket: Socket) => void>
  server.removeAllListeners('connection')
  // Past this Node closes a new connection before any JavaScript runs: the last bound on open files.
  server.maxConnections = limits.maxConnections + limits.maxRefusing + 1
  const open = new Map<Duplex, Held>()
  const refusing = new Set<Duplex>()
  let refused = 0
  let evicted = 0
  let closing = false
  let atCap = false

  const noteCap = (): void => {
    if (atCap) return
    atCap = true
    log(`${name}: ${limits.maxConnections} connections open (its cap): stalled ones make room, others get a 503`)
  }

  function evictStalled(): boolean {
    let victim: Duplex | undefined
    let oldest = Date.now() - limits.stalledMs + 1
    // Strictly older wins: on a tie the one accepted first (the map keeps accept order) goes.
    for (const [socket, held] of open) {
      const waiting = !held.upgraded && (held.answers.size === 0 || held.latest?.complete === false)
      if (waiting && held.since < oldest) {
        oldest = held.since
        victim = socket
      }
    }
    if (!victim) return false
    open.delete(victim)
    evicted++
    victim.destroy()
    return true
  }

  function refuse(socket: Duplex, refusal: RawRefusal): void {
    refusing.add(socket)
    socket.once('close', () => refusing.delete(socket))
    answerAndClose(socket, rawAnswer(style, refusal), limits.refusalGraceMs)
  }

  server.on('connection', (socket: Socket) => {
    // Node removes its own error listener when it hands a socket to an upgrade or CONNECT
    // listener: a reset then would be an uncaught exception that ends the process. This one stays.
    socket.on('error', () => {})
    if (closing) return void socket.destroy()
    if (open.size >= limits.maxConnections) {
      noteCap()
      if (!evictStalled()) {
        refused++
        return refusing.size < limits.maxRefusing ? refuse(socket, 'busy') : void socket.destroy()
      }
    }
    open.set(socket, { since: Date.now(), answers: new Set(), latest: undefined, upgraded: false })
    socket.once('close', () => {
      open.delete(socket)
      if (atCap && open.size < limits.maxConnections / 2) {
        atCap = false
        log(`${name}: back under its connection cap (${refused} refused, ${evicted} stalled closed so far)`)
      }
    })
    for (const listener of serve) listener.call(server, socket)
  })

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const held = open.get(req.socket)
    if (!held) return
    if (held.answers.size === 0) held.since = Date.now()
    held.answers.add(res)
    held.latest = req
    res.once('close', () => {
      held.answers.delete(res)
      if (held.answers.size > 0) return
      held.since = Date.now()
      held.latest = undefined
    })
  })

  // Idle this long (Node's server timeout, and its keep-alive timeout, both land here).
  server.on('timeout', (socket: Socket) => {
    const held = open.get(socket)
    const beingAnswered =
      held !== undefined && held.answers.size > 0 && held.latest?.complete === true && socket.writableLength === 0
    if (beingAnswered) return void socket.setTimeout(limits.idleMs)
    socket.destroy()
  })

  if (opts.takesUpgrades)
    server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
      const held = open.get(socket)
      if (held) held.upgraded = true
    })

  // No server of ours tunnels; without a listener Node would drop the socket without a word.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => refuse(socket, 'connect'))

  // An accept that fails (EMFILE: out of file descriptors) is an 'error' on the server, which
  // nothing would catch once listen() has resolved. Listen errors still reach listen() alone.
  server.once('listening', () =>
    server.on('error', (err) => log(`${name}: accepting a connection failed: ${err.message}`))
  )

  return {
    counts: () => ({ open: open.size, refusing: refusing.size, refused, evicted }),
    clientError(err, socket) {
      if (err.code === 'ECONNRESET' || socket.destroyed) return
      const held = open.get(socket)
      const started = held !== undefined && [...held.answers].some((res) => res.headersSent)
      // An answer already on its way would be corrupted by a second one: then the socket just closes.
      if (socket.writable && !started) socket.write(rawAnswer(style, refusalOf(err)))
      socket.destroy()
    },
    close() {
      closing = true
      for (const socket of refusing) socket.destroy()
    }
  }
}
