/**
 * The browser host's transport: the same `StampsKioskApi` as the Electron preload, carried over
 * the host's WebSocket at /ipc. The launch token comes from the page URL and is sent as the first
 * message (kept out of the socket URL). Lost connections are retried; calls made while offline
 * wait for the socket, and calls in flight when it drops answer `unreachable` (never hang).
 */
import { backoffDelay, type BackoffPolicy } from '../../../shared/backoff'
import type { IpcError, IpcEvent, IpcResult, StampsKioskApi } from '../../../shared/ipc'

type Pending = { resolve: (r: IpcResult<unknown>) => void; timer: ReturnType<typeof setTimeout> }

const CALL_TIMEOUT_MS = 30_000
// No jitter: one window reconnecting to its own host has no crowd to spread, only a wait to keep short.
const RECONNECT: BackoffPolicy = { baseMs: 250, capMs: 5_000, jitter: 'none' }
const unreachable = (message: string): IpcResult<never> => ({
  ok: false,
  error: { code: 'unreachable', message } satisfies IpcError
})

/** Creates a client for `ws://<host>/ipc`; `token` defaults to `?token=` of the page URL. */
export function createWsClient(
  url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ipc`,
  token = new URLSearchParams(location.search).get('token') ?? ''
): StampsKioskApi {
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let queue: string[] = []
  let socket: WebSocket | null = null
  let ready = false
  let nextId = 1
  let failures = 0

  function connect(): void {
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => ws.send(JSON.stringify({ auth: token }))
    ws.onmessage = (e) => {
      let msg: { id?: number; result?: IpcResult<unknown>; event?: string; payload?: unknown; authed?: boolean }
      try {
        msg = JSON.parse(String(e.data)) as typeof msg
      } catch {
        return
      }
      if (msg.authed) {
        ready = true
        failures = 0
        const out = queue
        queue = []
        out.forEach((m) => ws.send(m))
      } else if (typeof msg.event === 'string') {
        listeners.get(msg.event)?.forEach((l) => l(msg.payload))
      } else if (typeof msg.id === 'number' && msg.result) {
        const p = pending.get(msg.id)
        if (p) {
          pending.delete(msg.id)
          clearTimeout(p.timer)
          p.resolve(msg.result)
        }
      }
    }
    ws.onclose = (e) => {
      ready = false
      for (const [id, p] of pending) {
        clearTimeout(p.timer)
        p.resolve(unreachable('The kiosk service connection was lost.'))
        pending.delete(id)
      }
      // 4401: the token was refused; retrying cannot help and would spin.
      if (e.code === 4401) return
      setTimeout(connect, backoffDelay(++failures, RECONNECT))
    }
  }
  connect()

  return {
    invoke(channel, payload) {
      const id = nextId++
      const text = JSON.stringify({ id, channel, payload })
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          resolve(unreachable('The kiosk service did not answer in time.'))
        }, CALL_TIMEOUT_MS)
        pending.set(id, { resolve: resolve as Pending['resolve'], timer })
        if (ready && socket?.readyState === WebSocket.OPEN) socket.send(text)
        else queue.push(text)
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
}
