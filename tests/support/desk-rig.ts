/**
 * Test rig for the cashier desk and admin channels: the real host (startHost) over a real
 * sandbox, optionally through the fault proxy, driven through its IPC router the way the
 * renderer drives it. Used by the *.test.ts files beside the desk services.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IpcChannel, IpcError, IpcEvent, IpcRequest, IpcResponse, IpcResult } from '../../src/shared/ipc'
import { startHost, type Host } from '../../src/main/host/start-host'
import { loadSettings } from '../../src/main/settings/settings-store'
import { startFaultProxy, type FaultProxy } from './fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from './sandbox'
import { tempDir } from './temp-files'

export interface DeskRig {
  host: Host
  sandbox: TestSandbox
  proxy: FaultProxy | null
  dataDir: string
  events: Array<{ event: IpcEvent; payload: unknown }>
  call<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>
  /** The answer's data; throws with the refusal when the call was refused. */
  ok<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResponse<C>>
  /** The refusal; throws when the call succeeded. */
  refused<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcError>
  settingsFile(): Record<string, unknown>
  /** The member's balance in the sandbox's own database, in rupiah. */
  balanceOf(email: string): number
  stampsOf(email: string): number
  /** Stops the host and starts a new one on the same data directory (an app restart). */
  restart(): Promise<void>
  stop(): Promise<void>
}

export async function startDeskRig(
  opts: { faults?: boolean; settings?: Record<string, unknown> } = {}
): Promise<DeskRig> {
  const sandbox = await startTestSandbox()
  const proxy = opts.faults ? await startFaultProxy({ port: Number(new URL(sandbox.url).port) }) : null
  const tmp = tempDir('desk-rig-')
  const settings = {
    upstream: proxy?.url ?? sandbox.url,
    bridge: { port: 0 },
    scanner: 'none',
    language: 'en',
    kiosk: { mode: 'cashier' },
    ...opts.settings
  }
  writeFileSync(join(tmp.dir, 'settings.json'), JSON.stringify(settings))
  const boot = async (): Promise<Host> => {
    const started = await startHost({
      loaded: loadSettings(['--data-dir', tmp.dir], {}),
      rendererDir: tmp.dir,
      serveUi: false,
      log: () => {}
    })
    started.onEvent((event, payload) => void events.push({ event, payload }))
    return started
  }
  const events: DeskRig['events'] = []
  let host = await boot()
  // Asks the host who the screen is, as both transports do: kiosk mode makes it a kiosk.
  const call = ((channel: IpcChannel, payload: unknown) =>
    host.router.dispatch(channel, payload, host.caller())) as DeskRig['call']
  const member = (email: string) =>
    sandbox.db
      .prepare('SELECT m.balance_cents, m.stamps FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?')
      .get(email) as { balance_cents: number; stamps: number }
  return {
    get host() {
      return host
    },
    sandbox,
    proxy,
    dataDir: tmp.dir,
    events,
    call,
    async ok(channel, payload) {
      const r = await call(channel, payload)
      if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`)
      return r.data
    },
    async refused(channel, payload) {
      const r = await call(channel, payload)
      if (r.ok) throw new Error(`${channel} was not refused: ${JSON.stringify(r.data)}`)
      return r.error
    },
    settingsFile: () => JSON.parse(readFileSync(join(tmp.dir, 'settings.json'), 'utf8')) as Record<string, unknown>,
    balanceOf: (email) => member(email).balance_cents / 100,
    stampsOf: (email) => member(email).stamps,
    async restart() {
      await host.close()
      host = await boot()
    },
    async stop() {
      await host.close()
      await proxy?.close()
      await sandbox.stop()
      tmp.remove()
    }
  }
}

export { DEMO }
