/**
 * The process-level last resort on the real entry points: a host (`npm run serve`) and a
 * sandbox (`npm run server`), each made to throw and to leave a rejected promise from a socket
 * callback (tests/host/socket-fault.ts), log what failed and keep serving.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { requestOnce } from '../support/raw-http'
import { DEMO } from '../support/sandbox'
import { tempDir } from '../support/temp-files'
import { waitFor } from '../support/wait-for'
import { startHostChild } from './host-child'

const FAULT = ['--import', join(__dirname, 'socket-fault.ts')]
const TOKEN = 'last-resort-bridge-token-0123456789'
const tmp = tempDir('last-resort-')
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  tmp.remove()
})

/** What the last resort writes for each fault: its name, the error and the first line of its stack. */
const logged = (name: string, fault: 'throw' | 'reject', path: string): RegExp => {
  const what = fault === 'throw' ? 'uncaught exception' : 'unhandled promise rejection'
  const how = fault === 'throw' ? 'thrown from' : 'rejected in'
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  return new RegExp(
    `^${name}: ${what}, logged and kept serving: Error: test fault: ${how} a socket close callback \\(${escaped}\\)\\n\\s+at `,
    'm'
  )
}

const sale = (url: string, invoice: string, headers: Record<string, string> = {}) =>
  requestOnce(`${url}/api/transactions/add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      token: DEMO.key,
      user: DEMO.customer,
      store: 2,
      invoice_number: invoice,
      total_value: 9_000
    })
  })

describe('the last resort', () => {
  it('keeps `npm run serve` serving after a throw and a rejection in socket callbacks of its bridge and browser host', async () => {
    const host = await startHostChild(
      ['--data-dir', tmp.file('host'), '--bridge-port', '0', '--ui-port', '0'],
      20_000,
      { STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN },
      FAULT
    )
    children.push(host.child)
    try {
      const ui = new URL(host.uiUrl)
      for (const fault of ['throw', 'reject'] as const) {
        await requestOnce(`${host.bridgeUrl}/api/nowhere`, { headers: { 'x-test-fault': fault } })
        await waitFor(() => logged('stamps-kiosk', fault, '/api/nowhere').test(host.output()), `bridge ${fault} logged`)
        await requestOnce(host.uiUrl, { headers: { 'x-test-fault': fault } })
        await waitFor(
          // The log never carries the UI token: the URL is there with it censored.
          () => logged('stamps-kiosk', fault, `${ui.pathname}?token=[redacted]`).test(host.output()),
          `ui ${fault}`
        )
      }
      expect(host.child.exitCode).toBeNull()
      const res = await sale(host.bridgeUrl, 'after-faults')
      expect(res.status).toBe(200)
      expect(JSON.parse(res.body)).toMatchObject({ transaction: { value: 9_000 } })
      expect((await requestOnce(host.uiUrl)).status).toBe(200)
    } finally {
      await host.stop()
    }
  })

  it('keeps `npm run server` (the sandbox on its own) serving after a throw and a rejection in a socket callback', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ...FAULT, join(__dirname, '..', '..', 'src', 'server', 'cli.ts'), '--port', '0'].concat([
        '--db',
        tmp.file('sandbox.db'),
        '--seed',
        'demo'
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    children.push(child)
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
    await waitFor(() => /^sandbox: http/m.test(out), 'sandbox ready', 20_000)
    const url = /^sandbox: (\S+)$/m.exec(out)![1]!
    for (const fault of ['throw', 'reject'] as const) {
      await sale(url, `fault-${fault}`, { 'x-test-fault': fault })
      await waitFor(() => logged('sandbox', fault, '/api/transactions/add').test(out), `sandbox ${fault} logged`)
    }
    expect(child.exitCode).toBeNull()
    expect((await sale(url, 'after-faults')).status).toBe(200)
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  })
})
