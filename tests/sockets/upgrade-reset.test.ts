/**
 * The upgrade-then-reset attack replayed thousands of times against each of the three servers
 * of one real host process (`npm run serve` on the embedded sandbox): the host stays up, logs no
 * uncaught error (the last resort would hide a crash otherwise), leaks no socket, and each
 * server still serves afterwards. `npm run bench:sockets` runs a longer randomized version.
 */
import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostChild, type HostChild } from '../host/host-child'
import { requestOnce } from '../support/raw-http'
import { DEMO } from '../support/sandbox'
import { tempDir } from '../support/temp-files'
import { replayAttacks } from '../support/upgrade-attack'
import { waitFor } from '../support/wait-for'

const REPS = Number(process.env.SOCKET_ATTACK_REPS ?? 2_000)
const TOKEN = 'upgrade-reset-bridge-token-0123456789'
const tmp = tempDir('upgrade-reset-')
let host: HostChild

beforeAll(async () => {
  host = await startHostChild(
    ['--data-dir', tmp.dir, '--bridge-port', '0', '--ui-port', '0', '--language', 'en'],
    undefined,
    { STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN }
  )
})
afterAll(async () => {
  await host?.stop()
  tmp.remove()
})

const openFiles = (): number => readdirSync(`/proc/${host.child.pid}/fd`).length
const portOf = (url: string): number => Number(new URL(url).port)
const stampsTargets = ['/api/transactions/add', '/api/v3/activities/?user=x', '/nowhere', '/%zz', '*']

describe(`the upgrade-then-reset attack, ${REPS} times against each server of one host`, () => {
  it('leaves the host up, silent and serving, with no socket left behind', async () => {
    const sandboxUrl = /^sandbox: (\S+)$/m.exec(host.output())![1]!
    const ui = new URL(host.uiUrl)
    const uiToken = ui.searchParams.get('token')!
    const servers = [
      { name: 'sandbox', port: portOf(sandboxUrl), targets: stampsTargets },
      { name: 'bridge', port: portOf(host.bridgeUrl), targets: stampsTargets },
      {
        name: 'ui',
        port: portOf(host.uiUrl),
        targets: [
          `/ipc?token=${uiToken}`,
          '/ipc',
          '/ipc?token=wrong-token-0123456789abc',
          '/elsewhere',
          'http://[',
          '/%zz'
        ]
      }
    ]
    const baseline = openFiles()
    const started = Date.now()
    for (const s of servers) expect(await replayAttacks(s.port, s.targets, REPS), s.name).toBe(REPS)
    console.log(`upgrade-then-reset: ${3 * REPS} attacks on 3 servers in ${Date.now() - started} ms, host up`)

    expect(host.child.exitCode).toBeNull()
    expect(host.output()).not.toMatch(/uncaught exception|unhandled promise rejection/)
    // Every attacked socket is closed again (a refused upgrade waits at most its handshake deadline).
    await waitFor(
      () => openFiles() <= baseline + 2,
      `open files back near ${baseline} (now ${openFiles()})`,
      15_000,
      100
    )

    const activities = await requestOnce(`${sandboxUrl}/api/v3/activities/?user=${DEMO.customer}`, {
      headers: { authorization: `Token ${DEMO.key}` }
    })
    expect(activities.status).toBe(200)
    const sale = await requestOnce(`${host.bridgeUrl}/api/transactions/add`, {
      method: 'POST',
      headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: DEMO.customer, store: 2, invoice_number: 'after-attacks', total_value: 20_000 })
    })
    expect(sale.status).toBe(200)
    expect((await requestOnce(host.uiUrl)).status).toBe(200)
  }, 120_000)
})
