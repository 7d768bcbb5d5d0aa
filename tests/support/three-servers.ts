/**
 * The app's three HTTP servers (sandbox, receipt bridge, browser host), each started in process on
 * loopback with the socket limits a test or bench chooses, behind one shape: a request that
 * proves it serves, the paths its upgrades can take, and its connection counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startUiServer } from '../../src/main/host/browser/ui-server'
import { createIpcRouter } from '../../src/main/ipc/ipc-router'
import type { ConnectionCounts } from '../../src/platform/http/connection-guard'
import type { SocketLimits } from '../../src/platform/http/socket-limits'
import { startSandboxServer } from '../../src/server/create-sandbox-server'
import { BRIDGE_TOKEN, startBridgeRig } from './bridge-rig'
import { requestOnce, type Answer } from './raw-http'
import { DEMO } from './sandbox'
import { tempDir } from './temp-files'

export type ServerName = 'sandbox' | 'bridge' | 'ui'
export const SERVER_NAMES: readonly ServerName[] = ['sandbox', 'bridge', 'ui']
export const UI_TOKEN = 'ui-token-for-socket-tests-0123456789'

export interface ServerUnderTest {
  name: ServerName
  port: number
  url: string
  /** How refusals written straight onto a socket read on this server. */
  style: 'drf' | 'text'
  /** A real request of this server's own (a sale on the bridge), on a connection of its own. */
  probe(): Promise<Answer>
  /** A POST whose body this server reads: path and headers (the body is the test's). */
  upload: { path: string; headers: string }
  /** Request targets for upgrade attacks: every path an upgrade can take on this server. */
  upgradeTargets: string[]
  connections(): ConnectionCounts
  stop(): Promise<void>
}

let invoices = 0
const sale = (): string =>
  JSON.stringify({
    user: DEMO.customer,
    store: 2,
    invoice_number: `sock-${process.pid}-${++invoices}`,
    total_value: 20_000
  })

const stampsUpgrades = ['/api/transactions/add', '/api/v3/activities/?user=x', '/nowhere', '/%zz', '*']

/** Starts one of the three servers with `limits` over the house defaults. */
export async function startServer(name: ServerName, limits: Partial<SocketLimits> = {}): Promise<ServerUnderTest> {
  if (name === 'sandbox') {
    const tmp = tempDir('socket-sandbox-')
    const s = await startSandboxServer({ port: 0, dbPath: tmp.file('sandbox.db'), seed: 'demo', limits })
    return {
      name,
      port: s.port,
      url: s.url,
      style: 'drf',
      probe: () =>
        requestOnce(`${s.url}/api/v3/activities/?user=${DEMO.customer}`, {
          headers: { authorization: `Token ${DEMO.key}` }
        }),
      upload: { path: '/api/transactions/add', headers: `Authorization: Token ${DEMO.key}\r\n` },
      upgradeTargets: stampsUpgrades,
      connections: s.connections,
      stop: async () => {
        await s.close()
        tmp.remove()
      }
    }
  }
  if (name === 'bridge') {
    const rig = await startBridgeRig({ limits })
    const b = rig.bridge
    return {
      name,
      port: b.port,
      url: b.url,
      style: 'drf',
      probe: () =>
        requestOnce(`${b.url}/api/transactions/add`, {
          method: 'POST',
          headers: { authorization: `Token ${BRIDGE_TOKEN}`, 'content-type': 'application/json' },
          body: sale()
        }),
      upload: { path: '/api/transactions/add', headers: `Authorization: Token ${BRIDGE_TOKEN}\r\n` },
      upgradeTargets: stampsUpgrades,
      connections: b.connections,
      stop: () => rig.stop()
    }
  }
  const tmp = tempDir('socket-ui-')
  mkdirSync(join(tmp.dir, 'renderer'))
  writeFileSync(join(tmp.dir, 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>')
  const router = createIpcRouter()
  const ui = await startUiServer({
    rendererDir: join(tmp.dir, 'renderer'),
    router,
    token: UI_TOKEN,
    port: 0,
    host: '127.0.0.1',
    postRoutes: { '/test/hook': async (body) => ({ status: 200, body }) },
    limits
  })
  const base = `http://127.0.0.1:${ui.port}`
  return {
    name,
    port: ui.port,
    url: base,
    style: 'text',
    probe: () => requestOnce(`${base}/?token=${UI_TOKEN}`),
    upload: { path: '/test/hook', headers: `Authorization: Bearer ${UI_TOKEN}\r\n` },
    // Refused for each reason the door has, a target that is no URL, and admitted (with and without the token).
    upgradeTargets: [
      `/ipc?token=${UI_TOKEN}`,
      '/ipc',
      '/ipc?token=wrong-token-0123456789abc',
      '/elsewhere',
      'http://[',
      '/%zz'
    ],
    connections: ui.connections,
    stop: async () => {
      await ui.close()
      tmp.remove()
    }
  }
}
