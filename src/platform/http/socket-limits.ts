/**
 * The one place for how long a client may hold a socket of ours and how many may at once. Every
 * server built on createHttpApp (sandbox, receipt bridge, browser host) gets these defaults;
 * a server's options may narrow them (tests pass short ones instead of waiting 30 s).
 */
import { z } from 'zod'

export interface SocketLimits {
  /** The request line and every header must have arrived this long after the client began (ms). */
  headersMs: number
  /** The whole request, body included, must have arrived this long after the client began (ms). */
  requestMs: number
  /** A kept-alive socket with no next request is closed after this (ms; Node adds 1 s of grace). */
  keepAliveMs: number
  /** A socket with no traffic this long is closed, unless its request is being answered (ms). */
  idleMs: number
  /** How often Node checks the header and request deadlines: a deadline fires up to this late (ms). */
  checkEveryMs: number
  /** Connections served at once; the next one takes the place of a stalled one or is refused with a 503. */
  maxConnections: number
  /** A connection that has waited on its client this long is stalled: it gives up its place at the cap (ms). */
  stalledMs: number
  /** Refusals being written at once; beyond that a connection over the cap is closed unanswered. */
  maxRefusing: number
  /** A refused client gets this long to read its 503 and hang up before the socket is destroyed (ms). */
  refusalGraceMs: number
}

/**
 * Loopback clients (a POS, the kiosk page, our own Stamps client) send a whole request in
 * milliseconds, so these only cut off a stuck or hostile client: a slow upload is closed within
 * 21 s (requestMs + checkEveryMs), under the 30 s the product promises. idleMs never cuts a
 * request being answered (a sale waiting on Stamps): the handler's own deadlines bound that.
 * 512 connections per server keeps three servers far below the process's file limit (20,000
 * on a stock Debian box), which is what thousands of held sockets used to exhaust.
 */
export const SOCKET_LIMITS: Readonly<SocketLimits> = Object.freeze({
  headersMs: 10_000,
  requestMs: 20_000,
  keepAliveMs: 5_000,
  idleMs: 30_000,
  checkEveryMs: 1_000,
  maxConnections: 512,
  stalledMs: 1_000,
  maxRefusing: 64,
  refusalGraceMs: 1_000
})

const ms = z.number().int().positive().max(600_000)
const limitsSchema = z.strictObject({
  headersMs: ms,
  requestMs: ms,
  keepAliveMs: ms,
  idleMs: ms,
  checkEveryMs: ms,
  maxConnections: z.number().int().min(1).max(65_536),
  stalledMs: ms,
  maxRefusing: z.number().int().min(0).max(4_096),
  refusalGraceMs: ms
})

/** The defaults with a server's own overrides; a value that makes no sense is a programming error. */
export function socketLimits(overrides: Partial<SocketLimits> = {}): SocketLimits {
  const limits = limitsSchema.parse({ ...SOCKET_LIMITS, ...overrides })
  // Node refuses a header deadline past the request deadline: the headers are part of the request.
  if (limits.headersMs > limits.requestMs) throw new Error('socket limits: headersMs must not exceed requestMs')
  return limits
}
