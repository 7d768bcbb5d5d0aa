/**
 * The browser host's transport: the same `StampsKioskApi` as the Electron preload, carried over
 * the host's WebSocket at /ipc. The launch token comes from the page URL and is sent as the first
 * message (kept out of the socket URL); the host keeps its token and port across restarts, so a
 * lost connection is retried until the host is back. Calls made while offline wait for the socket
 * (and are never sent once they have answered `unreachable`); calls in flight when it drops answer
 * `unreachable` (never hang). The link's state goes to link.ts for the status bar and the stores.
 *
 * A half-open socket (a frozen host, a machine that slept) never closes by itself and would look
 * connected forever: a browser cannot see the host's WebSocket pings, so after a silence the
 * client sends `{ping: true}`, which the host answers at once, and drops a socket that stays silent.
 */
import { backoffDelay } from '../../../shared/backoff'
import type { IpcError, IpcEvent, IpcResult, StampsKioskApi } from '../../../shared/ipc'
import { registerLink, type LinkState } from './link'

export interface LinkTiming {
  /** A call unanswered this long answers `unreachable` (and, if still waiting for the socket, is never sent). */
  callTimeoutMs: number
  /** After this much silence the client asks the host for a pong. */
  pingAfterMs: number
  /** A ping unanswered this long (or a handshake this slow) means the socket is dead: it is replaced. */
  pongTimeoutMs: number
  /** Reconnection attempts back off from 250 ms up to this. */
  maxBackoffMs: number
}

/** Loopback answers in milliseconds: a ping unanswered for 8 s is a host that is not there. */
const TIMING: LinkTiming = { callTimeoutMs: 30_000, pingAfterMs: 5_000, pongTimeoutMs: 8_000, maxBackoffMs: 2_000 }
const PING = JSON.stringify({ ping: true })

type Pending = { resolve: (r: IpcResult<unknown>) => void; timer: ReturnType<typeof setTimeout>; text: string | null }
type Message = { id?: number; result?: IpcResult<unknown>; event?: string; payload?: unknown; authed?: boolean }

const unreachable = (message: string): IpcResult<never> => ({
  ok: false,
  error: { code: 'unreachable', message } satisfies IpcError
})

/** Creates a client for `ws://<host>/ipc`; `token` defaults to `?token=` of the page URL. */
export function createWsClient(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`,
  token = new URLSearchParams(location.search).get('token') ?? '',
  timing: Partial<LinkTiming> = {}
): StampsKioskApi {
  const t = { ...TIMING, ...timing }
  /** By id, in call order; `text` is set while the call still waits for the socket. */
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const watchers = new Set<(state: LinkState) => void>()
  let state: LinkState = 'connecting'
  let socket: WebSocket | null = null
  let ready = false
  let nextId = 1
  /** Reconnects tried since the socket was last open. */
  let failures = 0
  let heardAt = 0
  /** When the ping still unanswered went out; null when none is. */
  let pingedAt: number | null = null
  let watchdog: ReturnType<typeof setInterval> | undefined

  const publish = (next: LinkState): void => {
    if (next === state) return
    state = next
    watchers.forEach((w) => w(next))
  }

  /** The socket is gone: fail what was sent on it, keep what waits, and retry unless refused. */
  function lost(ws: WebSocket, refused: boolean): void {
    if (socket !== ws) return
    socket = null
    ready = false
    clearInterval(watchdog)
    for (const [id, p] of pending) {
      if (p.text !== null) continue
      clearTimeout(p.timer)
      pending.delete(id)
      p.resolve(unreachable('The kiosk service connection was lost.'))
    }
    // A refused token cannot get better by retrying (the host's data directory was replaced).
    if (refused) return publish('refused')
    if (state !== 'connecting') publish('lost')
    // No jitter: one window reconnecting to its own host has no crowd to spread, only a wait to keep short.
    setTimeout(connect, backoffDelay(++failures, { baseMs: 250, capMs: t.maxBackoffMs, jitter: 'none' }))
  }

  /** Abandons a silent socket at once: its close handshake could wait as long as the host is away. */
  function drop(ws: WebSocket): void {
    ws.onopen = ws.onmessage = ws.onclose = null
    ws.close()
    lost(ws, false)
  }

  function opened(ws: WebSocket): void {
    ready = true
    failures = 0
    // Calls made while offline go first, in order; then the screens re-read what they missed.
    for (const p of pending.values()) {
      if (p.text === null) continue
      ws.send(p.text)
      p.text = null
    }
    publish('open')
  }

  function connect(): void {
    const ws = new WebSocket(url)
    socket = ws
    const connectedAt = Date.now()
    heardAt = connectedAt
    pingedAt = null
    ws.onopen = () => ws.send(JSON.stringify({ auth: token }))
    ws.onmessage = (e: MessageEvent) => {
      heardAt = Date.now()
      pingedAt = null
      let msg: Message
      try {
        msg = JSON.parse(String(e.data)) as Message
      } catch {
        return
      }
      if (msg.authed) opened(ws)
      else if (typeof msg.event === 'string') listeners.get(msg.event)?.forEach((l) => l(msg.payload))
      else if (typeof msg.id === 'number' && msg.result) {
        const p = pending.get(msg.id)
        if (!p) return
        pending.delete(msg.id)
        clearTimeout(p.timer)
        p.resolve(msg.result)
      }
    }
    // 4401: the host refused the token.
    ws.onclose = (e: CloseEvent) => lost(ws, e.code === 4401)
    // Silence alone is no verdict (a background tab's timers run once a minute): only an unanswered
    // ping, or a handshake that never completes. Pings go only once authenticated: before that,
    // the host takes any message for the token.
    watchdog = setInterval(
      () => {
        const now = Date.now()
        if (!ready) {
          if (now - connectedAt >= t.pingAfterMs + t.pongTimeoutMs) drop(ws)
        } else if (pingedAt !== null) {
          if (now - pingedAt >= t.pongTimeoutMs) drop(ws)
        } else if (now - heardAt >= t.pingAfterMs) {
          pingedAt = now
          ws.send(PING)
        }
      },
      Math.min(1_000, t.pingAfterMs)
    )
  }

  const api: StampsKioskApi = {
    invoke(channel, payload) {
      const id = nextId++
      const text = JSON.stringify({ id, channel, payload })
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          resolve(unreachable('The kiosk service did not answer in time.'))
        }, t.callTimeoutMs)
        const send = ready && socket?.readyState === WebSocket.OPEN
        pending.set(id, { resolve: resolve as Pending['resolve'], timer, text: send ? null : text })
        if (send) socket!.send(text)
      })
    },
    on(event: IpcEvent, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const l = listener as (payload: unknown) => void
      set.add(l)
      return () => void set.delete(l)
    }
  }
  registerLink(api, {
    state: () => state,
    subscribe(watcher) {
      watchers.add(watcher)
      return () => void watchers.delete(watcher)
    }
  })
  connect()
  return api
}
