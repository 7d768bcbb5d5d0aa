/**
 * Answers written straight onto a socket, for the cases no request handler sees: a connection
 * over the cap, a CONNECT, a request the HTTP parser gave up on. Each server answers in its own
 * voice: the Stamps servers with DRF `{"detail": ...}` bodies, the browser host in plain text.
 */
import type { Duplex } from 'node:stream'

export type AnswerStyle = 'drf' | 'text'

export type RawRefusal = 'busy' | 'connect' | 'timeout' | 'headers-too-large' | 'bad-request'

const REFUSALS: Record<RawRefusal, { status: number; reason: string; drf: string; text: string }> = {
  // DRF's own ServiceUnavailable text: a POS written against Stamps already knows what it means.
  busy: {
    status: 503,
    reason: 'Service Unavailable',
    drf: 'Service temporarily unavailable, try again later.',
    text: 'Refused: too many connections, try again later.'
  },
  connect: {
    status: 405,
    reason: 'Method Not Allowed',
    drf: 'Method "CONNECT" not allowed.',
    text: 'Refused: method not allowed.'
  },
  timeout: {
    status: 408,
    reason: 'Request Timeout',
    drf: 'The request took too long to arrive.',
    text: 'Refused: the request took too long to arrive.'
  },
  'headers-too-large': {
    status: 431,
    reason: 'Request Header Fields Too Large',
    drf: 'Request header fields too large.',
    text: 'Refused: request header fields too large.'
  },
  'bad-request': { status: 400, reason: 'Bad Request', drf: 'Malformed request.', text: 'Refused: malformed request.' }
}

/** The bytes of a complete `Connection: close` answer. */
export function rawAnswer(style: AnswerStyle, refusal: RawRefusal): string {
  const r = REFUSALS[refusal]
  const body = style === 'drf' ? JSON.stringify({ detail: r.drf }) : `${r.text}\n`
  const type = style === 'drf' ? 'application/json' : 'text/plain; charset=utf-8'
  const retry = refusal === 'busy' ? 'Retry-After: 1\r\n' : ''
  return (
    `HTTP/1.1 ${r.status} ${r.reason}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `${retry}X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
  )
}

/**
 * Writes the answer, half-closes, and keeps reading (and dropping) what the client still sends:
 * closing with unread bytes makes the kernel send a reset, which can wipe the answer off the
 * client's side before it reads it. The socket is destroyed when the client hangs up, or after
 * `graceMs` whatever it does.
 */
export function answerAndClose(socket: Duplex, answer: string, graceMs: number): void {
  socket.on('error', () => {}) // a client that resets mid-answer is gone; nothing is owed to it
  const timer = setTimeout(() => socket.destroy(), graceMs)
  timer.unref()
  socket.once('close', () => clearTimeout(timer))
  socket.once('end', () => socket.destroy())
  socket.end(answer)
  socket.resume()
}
