/**
 * `npm run bench:outbox` (third part): what a POS waits for while Stamps is down. A host child's
 * bridge posts through a fault proxy to a sandbox child; the proxy first refuses connections,
 * then swallows requests (answers never come, each try times out). Per mode: the sales answered
 * while the host finds out, then the 202 pending answer time over SALES sales one at a time once
 * the breaker is open (target p95 < 100 ms; it was the 4 s sale wait for every one), then the
 * upstream returns: when sales post again and when every queued sale is posted, each once.
 */
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { startHostChild, type HostChild } from '../tests/host/host-child'
import { startFaultProxy, type FaultMode } from '../tests/support/fault-proxy'
import { tempDir } from '../tests/support/temp-files'
import { startSandboxChild } from './lib/sandbox-child'

const SALES = Number(process.env.BENCH_OFFLINE_SALES ?? 400)
const KEY = 'aaaabbbbccccddddeeeefffff'
const TOKEN = 'bench-offline-token-0123456789'
const AUTH = `Token ${TOKEN}`
const OPENED = /^upstream: unreachable/gm
const MODES: Array<[string, FaultMode]> = [
  ['refused (connection refused)', { kind: 'refuse' }],
  ['dropped (requests swallowed; each try waits out its timeout)', { kind: 'delay', ms: 600_000 }]
]

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const f = (n: number): string => `${n.toFixed(1)} ms`
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** One sale, one at a time as a POS posts them: its status and how long the POS waited. */
async function sale(bridgeUrl: string, invoice: string, i: number): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({
    user: 'customer@stamps.co.id',
    store: [2, 3, 32, 84][i % 4],
    invoice_number: invoice,
    total_value: 25_000
  })
  const t = performance.now()
  const res = await fetch(`${bridgeUrl}/api/transactions/add`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body
  })
  await res.arrayBuffer()
  return { status: res.status, ms: performance.now() - t }
}

const opened = (host: HostChild): number => host.output().match(OPENED)?.length ?? 0

async function main(): Promise<void> {
  const tmp = tempDir('bench-offline-')
  const guard = setTimeout(() => (console.error('bench: gave up after 300 s'), process.exit(1)), 300_000)
  const sandbox = await startSandboxChild(tmp.file('sandbox.db'), ['--seed', 'demo'])
  const proxy = await startFaultProxy({ port: Number(new URL(sandbox.url).port) })
  const host = await startHostChild(
    [
      '--data-dir',
      tmp.dir,
      '--upstream',
      proxy.url,
      '--merchant',
      '14',
      '--store',
      '2',
      '--bridge-port',
      '0',
      '--ui-port',
      '0',
      '--printer',
      `file:${tmp.file('receipts')}`
    ],
    undefined,
    { STAMPS_KIOSK_KEY: KEY, STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN }
  )
  const ledger = new Database(tmp.file('sandbox.db'), { readonly: true, fileMustExist: true })
  const upstreamCopies = ledger.prepare(
    `SELECT count(*) AS copies, count(DISTINCT store_id || '|' || invoice_number) AS sales
     FROM transactions WHERE invoice_number LIKE ?`
  )
  const copiesOf = (tag: string) => upstreamCopies.get(`${tag}-%`) as { copies: number; sales: number }
  try {
    const run = `O${Date.now()}`
    for (let i = 0; i < 50; i++) {
      const warm = await sale(host.bridgeUrl, `${run}-warm-${i}`, i)
      if (warm.status !== 200) throw new Error(`warm-up sale answered ${warm.status}`)
    }
    console.log(`offline bench: ${SALES} sales one at a time per outage, answered by the bridge while Stamps is down`)
    let ok = true
    for (const [index, [name, mode]] of MODES.entries()) {
      const tag = `${run}-m${index}`
      let n = 0
      const next = async () => sale(host.bridgeUrl, `${tag}-${n}`, n++)
      const before = opened(host)
      await proxy.setMode(mode)
      const down = performance.now()
      const finding: number[] = []
      while (opened(host) === before) {
        if (performance.now() - down > 120_000) throw new Error(`${name}: the breaker never opened`)
        const r = await next()
        if (r.status !== 202) throw new Error(`${name}: a sale answered ${r.status} while Stamps was down`)
        finding.push(r.ms)
      }
      const openedAfter = performance.now() - down
      const lat: number[] = []
      for (let i = 0; i < SALES; i++) {
        const r = await next()
        if (r.status !== 202) throw new Error(`${name}: a sale answered ${r.status} while Stamps was down`)
        lat.push(r.ms)
      }
      lat.sort((a, b) => a - b)

      await proxy.setMode({ kind: 'pass' })
      const back = performance.now()
      let postsAgain = 0
      for (;;) {
        if (performance.now() - back > 60_000) throw new Error(`${name}: sales never posted again`)
        const r = await next()
        if (r.status === 200) {
          postsAgain = performance.now() - back
          break
        }
        await sleep(100)
      }
      while (copiesOf(tag).sales < n) {
        if (performance.now() - back > 120_000) throw new Error(`${name}: the queue never drained`)
        await sleep(50)
      }
      const drained = performance.now() - back
      const { copies, sales } = copiesOf(tag)

      const p95 = pct(lat, 95)
      console.log(`  upstream ${name}:`)
      console.log(
        `    finding out       ${finding.length} sale(s) answered 202 before the breaker opened (slowest ${f(Math.max(...finding))}); open after ${s(openedAfter)}`
      )
      console.log(
        `    offline 202       p50 ${f(pct(lat, 50))}  p95 ${f(p95)}  p99 ${f(pct(lat, 99))}  max ${f(lat.at(-1)!)}  over ${SALES} sales  (target p95 < 100 ms)`
      )
      console.log(
        `    upstream back     sales post again after ${s(postsAgain)}; all ${n} sales posted after ${s(drained)}, ${copies} upstream copies of ${sales} sales`
      )
      ok = ok && p95 < 100 && copies === sales
    }
    console.log(ok ? 'bench: PASS (offline 202 p95 < 100 ms, every queued sale posted once)' : 'bench: BELOW TARGET')
    process.exitCode = ok ? 0 : 1
  } finally {
    clearTimeout(guard)
    ledger.close()
    await host.stop()
    await proxy.close()
    await sandbox.stop()
    tmp.remove()
  }
}

void main()
