/**
 * `npm run bench:sockets`: one real host process (`npm run serve` on the embedded sandbox), its
 * three servers attacked in turn. Prints per server: randomized upgrade-then-reset attacks
 * survived, connections held at the production cap (and how the ones over it were answered),
 * what a real request gets once the holders have stalled, and the time to serve again after
 * the holders go. Fails (exit 1) if the host dies or logs an uncaught error.
 */
import { readdirSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { SOCKET_LIMITS } from '../src/platform/http/socket-limits'
import { startHostChild } from '../tests/host/host-child'
import { rawConnect, requestOnce, type Answer, type RawClient } from '../tests/support/raw-http'
import { tempDir } from '../tests/support/temp-files'
import { replayAttacks } from '../tests/support/upgrade-attack'

const REPS = Number(process.env.BENCH_SOCKET_REPS ?? 10_000)
const OVER_CAP = 100 // attackers beyond the cap, to see how they are answered
const TOKEN = 'bench-sockets-bridge-token-0123456789'
const KEY = 'aaaabbbbccccddddeeeefffff'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const portOf = (url: string): number => Number(new URL(url).port)

interface Target {
  name: string
  port: number
  targets: string[]
  probe(): Promise<Answer>
}

/** Opens `n` slow attackers as fast as it can: each sends part of a header block and then stalls. */
async function holdSockets(port: number, n: number): Promise<RawClient[]> {
  const clients = await Promise.all(Array.from({ length: n }, () => rawConnect(port)))
  for (const c of clients) c.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`)
  return clients
}

async function main(): Promise<void> {
  const tmp = tempDir('bench-sockets-')
  const host = await startHostChild(['--data-dir', tmp.dir, '--bridge-port', '0', '--ui-port', '0'], 30_000, {
    STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN
  })
  let invoice = 0
  try {
    const sandboxUrl = /^sandbox: (\S+)$/m.exec(host.output())![1]!
    const uiToken = new URL(host.uiUrl).searchParams.get('token')!
    const stamps = ['/api/transactions/add', '/api/v3/activities/?user=x', '/nowhere', '/%zz', '*']
    const servers: Target[] = [
      {
        name: 'sandbox',
        port: portOf(sandboxUrl),
        targets: stamps,
        probe: () =>
          requestOnce(`${sandboxUrl}/api/v3/activities/?user=customer@stamps.co.id`, {
            headers: { authorization: `Token ${KEY}` }
          })
      },
      {
        name: 'bridge',
        port: portOf(host.bridgeUrl),
        targets: stamps,
        probe: () =>
          requestOnce(`${host.bridgeUrl}/api/transactions/add`, {
            method: 'POST',
            headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              user: 'customer@stamps.co.id',
              store: 2,
              invoice_number: `bench-sockets-${++invoice}`,
              total_value: 20_000
            })
          })
      },
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
        ],
        probe: () => requestOnce(host.uiUrl)
      }
    ]
    const openFiles = (): number => readdirSync(`/proc/${host.child.pid}/fd`).length
    const baseline = openFiles()
    console.log(
      `bench:sockets: host pid ${host.child.pid}, ${baseline} open files at rest; cap ${SOCKET_LIMITS.maxConnections} per server`
    )
    for (const s of servers) {
      const t0 = performance.now()
      const survived = await replayAttacks(s.port, s.targets, REPS, 32)
      const replayMs = performance.now() - t0
      if (host.child.exitCode !== null) throw new Error(`host died during the ${s.name} attacks`)
      const after = (await s.probe()).status

      const tFill = performance.now()
      const attackers = await holdSockets(s.port, SOCKET_LIMITS.maxConnections + OVER_CAP)
      const fillMs = performance.now() - tFill
      await sleep(300)
      const held = attackers.filter((c) => !c.isClosed()).length
      const refused503 = attackers.filter((c) => c.text().startsWith('HTTP/1.1 503 ')).length
      const unanswered = attackers.length - held - refused503 // past maxRefusing refusals in flight
      // Holders younger than stalledMs keep their places (503); on a loaded machine filling can take longer.
      const fresh = await s.probe()
      await sleep(SOCKET_LIMITS.stalledMs)
      const t1 = performance.now()
      const stalled = await s.probe()
      const stalledMs = performance.now() - t1

      for (const c of attackers) c.socket.destroy()
      const t2 = performance.now()
      let again = await s.probe()
      while (again.status !== 200 && performance.now() - t2 < 5_000) again = await s.probe()
      const recoverMs = performance.now() - t2
      console.log(
        `${s.name.padEnd(8)} upgrade-then-reset survived ${survived}/${REPS} (${Math.round(survived / (replayMs / 1000))}/s, then ${after}); ` +
          `held at the cap ${held} of ${attackers.length} (${refused503} answered 503, ${unanswered} closed unanswered); ` +
          `a request ${Math.round(fillMs + 300)} ms after the holders came: ${fresh.status}; once they stalled: ${stalled.status} in ${stalledMs.toFixed(1)} ms; ` +
          `serving again ${recoverMs.toFixed(1)} ms after release (${again.status})`
      )
    }
    for (let i = 0; i < 100 && openFiles() > baseline + 2; i++) await sleep(100)
    const crashes = host.output().match(/uncaught exception|unhandled promise rejection/g)?.length ?? 0
    console.log(
      `bench:sockets: host ${host.child.exitCode === null ? 'up' : 'DEAD'}, ${crashes} uncaught error(s) logged, ` +
        `${openFiles()} open files (at rest: ${baseline})`
    )
    if (host.child.exitCode !== null || crashes > 0) process.exitCode = 1
  } finally {
    await host.stop()
    tmp.remove()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
