/**
 * One host per test: `npm run serve` on a fresh data directory with ports picked by the OS,
 * ready once it has printed its `ui:` and `bridge:` lines. Stopped by its own process group id.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import WebSocket from 'ws'
import type { IpcChannel, IpcRequest, IpcResponse, IpcResult } from '../../../src/shared/ipc'

export interface HostOptions {
  dataDir: string
  printerUrl: string
  scanner?: string
  language?: 'id' | 'en'
  extraArgs?: string[]
  /** Extra environment: secrets (STAMPS_KIOSK_KEY) go here, never in the arguments (`ps` shows those). */
  env?: Record<string, string>
  /** The UI port; 0 (the default here) lets the OS pick. A restarted host passes its predecessor's. */
  uiPort?: number
  /** The command to run instead of `npm run serve --` (e.g. a built host). */
  command?: string[]
}

export interface HostProcess {
  uiUrl: string
  bridgeUrl: string
  /** The bridge's token (the `bridge token:` line), for sales posted as a host POS posts them. */
  bridgeToken: string
  /** The embedded sandbox's URL (`sandbox:` line); null when the host talks to another upstream. */
  sandboxUrl: string | null
  token: string
  /** Everything the host printed, for failure messages. */
  output(): string
  /** Calls the IPC table over the host's WebSocket, as the renderer does (for seeding and oracles). */
  ipc<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>
  /** POSTs to a token-guarded test route of the ui server (e.g. `/test/hid-report`). */
  post(path: string, body: unknown): Promise<Response>
  /** SIGSTOP / SIGCONT to the host's group: a frozen host keeps its sockets open and answers nothing. */
  freeze(): void
  thaw(): void
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 30_000

/** Spawns the host and waits for its readiness lines. */
export async function startHostProcess(opts: HostOptions): Promise<HostProcess> {
  const [cmd, ...prefix] = opts.command ?? ['npm', 'run', '--silent', 'serve', '--']
  const args = [
    ...prefix,
    '--data-dir',
    opts.dataDir,
    '--ui-port',
    String(opts.uiPort ?? 0),
    '--bridge-port',
    '0',
    '--printer',
    opts.printerUrl
  ]
  if (opts.scanner) args.push('--scanner', opts.scanner)
  if (opts.language) args.push('--language', opts.language)
  args.push(...(opts.extraArgs ?? []))
  // detached: its own process group, so stopping it also stops tsx under npm.
  const child = spawn(cmd!, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', STAMPS_KIOSK_SKIP_RENDERER_BUILD: '1', ...opts.env }
  })
  let out = ''
  const lines: Record<string, string> = {}
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host not ready after ${READY_TIMEOUT_MS} ms:\n${out}`)),
      READY_TIMEOUT_MS
    )
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      for (const m of out.matchAll(/^(ui|bridge|sandbox|bridge token): (\S+)(?: .*)?$/gm)) lines[m[1]!] = m[2]!
      if (lines.ui && lines.bridge) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited (${code}) before it was ready:\n${out}`))
    })
  })
  try {
    await ready
  } catch (err) {
    await stopGroup(child)
    throw err
  }
  const uiUrl = lines.ui!
  const token = new URL(uiUrl).searchParams.get('token') ?? ''
  const origin = new URL(uiUrl).origin
  let socket: Promise<WebSocket> | undefined
  let nextId = 1
  const waiting = new Map<number, (r: IpcResult<unknown>) => void>()

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`${origin.replace('http', 'ws')}/ipc?token=${encodeURIComponent(token)}`)
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { id?: number; result?: IpcResult<unknown> }
        if (typeof msg.id === 'number' && msg.result) waiting.get(msg.id)?.(msg.result)
      })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })

  return {
    uiUrl,
    bridgeUrl: lines.bridge!,
    bridgeToken: lines['bridge token'] ?? '',
    sandboxUrl: lines.sandbox ?? null,
    token,
    output: () => out,
    async ipc(channel, payload) {
      const ws = await (socket ??= connect())
      const id = nextId++
      return new Promise((resolve) => {
        waiting.set(id, (r) => {
          waiting.delete(id)
          resolve(r as never)
        })
        ws.send(JSON.stringify({ id, channel, payload }))
      })
    },
    post: (path, body) =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      }),
    freeze: () => signalGroup(child, 'SIGSTOP'),
    thaw: () => signalGroup(child, 'SIGCONT'),
    async stop() {
      if (socket) (await socket.catch(() => null))?.close()
      await stopGroup(child)
    }
  }
}

/** Sends `signal` to the host's process group (npm, tsx and the host itself). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    /* already gone */
  }
}

/** SIGTERM to the host's group, SIGKILL if it has not exited within 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  signalGroup(child, 'SIGTERM')
  // A frozen host would hold SIGTERM until thawed: let it act on it.
  signalGroup(child, 'SIGCONT')
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
