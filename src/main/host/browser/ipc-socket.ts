/** The IPC over a WebSocket at /ipc: authentication, size limit, dispatch to the router, broadcast, heartbeat. */
import type { Server } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { ipcEvents, type IpcEvent, type IpcEventPayload } from '../../../shared/ipc'
import { mayReceive, type IpcCaller } from '../../ipc/ipc-caller'
import type { IpcRouter } from '../../ipc/ipc-router'
import { guardUpgrades } from './ipc-upgrade'
import type { PageGate } from './page-gate'

/** Larger than any request in the contract (a sale of 200 items is ~40 KiB). */
export const MAX_MESSAGE_BYTES = 256 * 1024
/** A client that connected without a query token must authenticate this fast. */
const AUTH_GRACE_MS = 5_000
/** A client that has not answered one ping by the next is gone (a vanished peer would hold its socket). */
const HEARTBEAT_MS = 30_000

export interface IpcSocket {
  /** Pushes a main-to-renderer event to every authenticated client that may receive it (validated against the contract). */
  broadcast<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void
  /** Ends every socket, open or mid-handshake. */
  close(): void
}

const badShape = JSON.stringify({
  id: null,
  result: { ok: false, error: { code: 'invalid-input', message: 'A message is {id, channel, payload}.' } }
})

const PONG = JSON.stringify({ pong: true })

/** Serves the IPC on `server`'s upgrades; only sockets that showed the token reach the router. */
export function attachIpcSocket(
  server: Server,
  router: IpcRouter,
  gate: PageGate,
  log: (msg: string) => void,
  caller: () => IpcCaller
): IpcSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const authed = new Set<WebSocket>()
  const alive = new WeakSet<WebSocket>()

  const door = guardUpgrades(server, gate, (req, socket, head, queryToken, settle) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      settle()
      onConnection(ws, queryToken)
    })
  )

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  function onConnection(ws: WebSocket, preAuthed: boolean): void {
    let ok = preAuthed
    if (ok) authed.add(ws)
    alive.add(ws)
    const grace = ok ? undefined : setTimeout(() => ws.close(4401, 'unauthorized'), AUTH_GRACE_MS)
    ws.on('pong', () => alive.add(ws))
    ws.on('close', () => {
      authed.delete(ws)
      if (grace) clearTimeout(grace)
    })
    ws.on('error', (err) => log(`ui-server ws: ${err.message}`))
    ws.on('message', (raw, isBinary) => {
      let msg: unknown
      try {
        msg = isBinary ? undefined : JSON.parse(raw.toString())
      } catch {
        msg = undefined
      }
      if (!ok) {
        const presented = typeof msg === 'object' && msg !== null ? (msg as { auth?: unknown }).auth : undefined
        if (!gate.tokenOk(presented)) return ws.close(4401, 'unauthorized')
        ok = true
        authed.add(ws)
        if (grace) clearTimeout(grace)
        return ws.send(JSON.stringify({ authed: true }))
      }
      // The page's liveness probe: a browser cannot see WebSocket pings, so it asks in a message.
      if (typeof msg === 'object' && msg !== null && (msg as { ping?: unknown }).ping === true) return ws.send(PONG)
      const { id, channel, payload } = (typeof msg === 'object' && msg !== null ? msg : {}) as Record<string, unknown>
      if (typeof id !== 'number' && typeof id !== 'string') return ws.send(badShape)
      void router.dispatch(channel, payload, caller()).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }))
      })
    })
  }

  return {
    broadcast(event, payload) {
      if (!mayReceive(caller(), event)) return
      const data = JSON.stringify({ event, payload: ipcEvents[event].payload.parse(payload) })
      for (const ws of authed) if (ws.readyState === ws.OPEN) ws.send(data)
    },
    close() {
      clearInterval(heartbeat)
      door.close()
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    }
  }
}
