/**
 * The connection caps are configurable where a merchant configures things: `bridge.maxConnections`
 * and `ui.maxConnections` in settings.json for the host, `--max-connections` for the sandbox on
 * its own. Each real process refuses the connection over its configured cap.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startHostChild } from '../host/host-child'
import { rawConnect, requestOnce, type RawClient } from '../support/raw-http'
import { tempDir } from '../support/temp-files'
import { waitFor } from '../support/wait-for'

const tmp = tempDir('configured-caps-')
const clients: RawClient[] = []
afterAll(() => {
  for (const c of clients) c.socket.destroy()
  tmp.remove()
})

/** Fills `n` places (fresh sockets, so none has stalled long enough to give its place up). */
async function fill(url: string, n: number): Promise<void> {
  const port = Number(new URL(url).port)
  clients.push(...(await Promise.all(Array.from({ length: n }, () => rawConnect(port)))))
}

describe('configured connection caps', () => {
  it('are read from settings.json by the host, for the bridge and the browser host', async () => {
    const dataDir = tmp.file('host')
    mkdirSync(dataDir)
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ bridge: { maxConnections: 2 }, ui: { maxConnections: 3 } })
    )
    const capped = await startHostChild(['--data-dir', dataDir, '--bridge-port', '0', '--ui-port', '0'], 20_000)
    try {
      await fill(capped.bridgeUrl, 2)
      const bridge = await requestOnce(`${capped.bridgeUrl}/api/ping`, { method: 'POST' })
      expect(bridge.status).toBe(503)
      expect(JSON.parse(bridge.body)).toEqual({ detail: 'Service temporarily unavailable, try again later.' })
      await fill(capped.uiUrl, 2)
      expect((await requestOnce(capped.uiUrl)).status).toBe(200) // the third place
      await fill(capped.uiUrl, 1)
      expect((await requestOnce(capped.uiUrl)).status).toBe(503)
    } finally {
      await capped.stop()
    }
  })

  it('is set with --max-connections on the sandbox command line', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', '..', 'src', 'server', 'cli.ts')].concat([
        '--port',
        '0',
        '--db',
        tmp.file('sandbox.db'),
        '--max-connections',
        '2'
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    try {
      await waitFor(() => /^sandbox: http/m.test(out), `sandbox ready: ${out}`, 20_000)
      const url = /^sandbox: (\S+)$/m.exec(out)![1]!
      await fill(url, 2)
      expect((await requestOnce(`${url}/api/nowhere`)).status).toBe(503)
    } finally {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  })
})
