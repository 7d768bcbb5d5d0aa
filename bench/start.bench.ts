/**
 * `npm run bench:start`: the built host (out/main/host.js on plain Node, as `npm run start:host`
 * runs it). Cold start: from spawning node to the `ui:` line (every service up, the embedded
 * sandbox seeded, both servers listening), on a fresh data directory and on one that exists.
 * Memory: the host's resident set after 1,000 sales through the bridge. Targets: start < 1 s
 * (median of the fresh starts), resident memory < 120 MB; PASS only on those two figures.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { startBuiltHostChild, type HostChild } from '../tests/host/host-child'
import { tempDir } from '../tests/support/temp-files'

const STARTS = 5
const SALES = 1_000
const TOKEN = 'bench-start-token-0123456789'
const START_TARGET_MS = 1_000
const RSS_TARGET_MB = 120

const hostArgs = (dir: string): string[] => ['--data-dir', dir, '--bridge-port', '0', '--ui-port', '0']
const env = { STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN }
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** VmRSS and VmHWM (peak) of a process from /proc, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/** CPU time (user + system) a process has used, in ms: what start-up costs whatever else the machine runs. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

async function timedStart(dir: string): Promise<{ ms: number; cpuMs: number; host: HostChild }> {
  const t = performance.now()
  const host = await startBuiltHostChild(hostArgs(dir), 20_000, env)
  return { ms: performance.now() - t, cpuMs: cpuMsOf(host.child.pid!), host }
}

async function startTimes(): Promise<{ fresh: number[]; again: number[]; cpu: number[] }> {
  const fresh: number[] = []
  const again: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < STARTS; i++) {
    const tmp = tempDir('bench-start-')
    try {
      for (const into of [fresh, again]) {
        const { ms, cpuMs, host } = await timedStart(tmp.dir)
        into.push(ms)
        if (into === fresh) cpu.push(cpuMs)
        await host.stop()
      }
    } finally {
      tmp.remove()
    }
  }
  return { fresh, again, cpu }
}

async function memoryAfterSales(): Promise<{ before: number; after: number; peak: number; salesPerSecond: number }> {
  const tmp = tempDir('bench-start-mem-')
  const { host } = await timedStart(tmp.dir)
  try {
    const pid = host.child.pid!
    const before = memoryOf(pid).rss
    const t = performance.now()
    for (let i = 0; i < SALES; i++) {
      const res = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
        method: 'POST',
        headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          user: 'customer@stamps.co.id',
          store: [2, 3, 32, 84][i % 4],
          invoice_number: `mem-${i}`,
          total_value: 25_000
        })
      })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`sale ${i}: HTTP ${res.status}`)
    }
    const salesPerSecond = SALES / ((performance.now() - t) / 1000)
    // Let the receipts queued by the last sales print, then read what the process holds.
    await new Promise((r) => setTimeout(r, 2_000))
    const { rss, peak } = memoryOf(pid)
    return { before, after: rss, peak, salesPerSecond }
  } finally {
    await host.stop()
    tmp.remove()
  }
}

async function main(): Promise<void> {
  const guard = setTimeout(() => (console.error('bench: gave up after 240 s'), process.exit(1)), 240_000)
  const { fresh, again, cpu } = await startTimes()
  const mem = await memoryAfterSales()
  clearTimeout(guard)
  const list = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ')
  const startMs = median(fresh)
  console.log(
    `start bench: npm run start:host (out/main/host.js) on ${process.version}, ${STARTS} starts each, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`
  )
  console.log(
    `  cold start to ready, fresh data dir  median ${startMs.toFixed(0)} ms  (${list(fresh)})  (target < 1 s)`
  )
  console.log(`  CPU used by then (user + system)     median ${median(cpu).toFixed(0)} ms  (${list(cpu)})`)
  console.log(`  start to ready, existing data dir    median ${median(again).toFixed(0)} ms  (${list(again)})`)
  console.log(
    `  resident memory: ${mem.before.toFixed(1)} MB at ready, ${mem.after.toFixed(1)} MB after ${SALES} sales through the bridge (target < 120 MB); peak ${mem.peak.toFixed(1)} MB; ${mem.salesPerSecond.toFixed(0)} sales/s one at a time`
  )
  const ok = startMs < START_TARGET_MS && mem.after < RSS_TARGET_MB
  console.log(ok ? 'bench: PASS' : 'bench: BELOW TARGET')
  process.exitCode = ok ? 0 : 1
}

void main()
