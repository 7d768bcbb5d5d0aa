/**
 * The upgrade-then-reset attack, randomized: a request to switch protocols (or to tunnel), on
 * any path the server's door can take, reset by the client at a random moment (mid-request,
 * right after it, once the answer starts, a few ms later). One of these, refused and then reset,
 * used to end the whole host. Shared by tests/sockets/upgrade-reset.test.ts and bench/sockets.bench.ts.
 */
import { connect } from 'node:net'
import { upgradeRequest } from './raw-http'

export type ResetMoment = 'mid-request' | 'after-request' | 'on-answer' | 'later'
const MOMENTS: readonly ResetMoment[] = ['mid-request', 'after-request', 'on-answer', 'later']

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!

/** One attack's bytes: an upgrade to one of `targets` with a random twist, or now and then a CONNECT. */
export function attackBytes(port: number, targets: readonly string[]): string {
  const roll = Math.random()
  if (roll < 0.1) return `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n`
  const extra =
    roll < 0.2
      ? 'Origin: http://evil.example\r\n'
      : roll < 0.3
        ? 'Origin: null\r\n'
        : roll < 0.35
          ? 'Sec-WebSocket-Protocol: chat\r\n'
          : ''
  const request = upgradeRequest(port, pick(targets), extra)
  // Bytes after the head: a WebSocket frame start, or junk, as the first data of the new protocol.
  return roll > 0.9 ? `${request}\x81\x85\x00\x00\x00\x00hello` : request
}

/** Connects, sends `bytes` and resets the connection at `moment`; resolves once the socket is gone. */
export function upgradeThenReset(port: number, bytes: string, moment: ResetMoment = pick(MOMENTS)): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const reset = (): void => void (socket.destroyed || socket.resetAndDestroy())
    const safety = setTimeout(reset, 3_000) // a server that never answers must not hang the attacker
    socket.on('error', () => {})
    socket.once('close', () => {
      clearTimeout(safety)
      resolve()
    })
    socket.once('connect', () => {
      if (moment === 'mid-request') {
        socket.write(bytes.slice(0, 1 + Math.floor(Math.random() * (bytes.length - 1))))
        return reset()
      }
      socket.write(bytes)
      if (moment === 'after-request') return reset()
      if (moment === 'on-answer') return void socket.once('data', reset)
      setTimeout(reset, Math.random() * 3)
    })
  })
}

/** `total` attacks, `parallel` at a time; resolves with how many ran. */
export async function replayAttacks(
  port: number,
  targets: readonly string[],
  total: number,
  parallel = 16
): Promise<number> {
  let started = 0
  const lane = async (): Promise<void> => {
    while (started < total) {
      started++
      await upgradeThenReset(port, attackBytes(port, targets))
    }
  }
  await Promise.all(Array.from({ length: parallel }, lane))
  return started
}
