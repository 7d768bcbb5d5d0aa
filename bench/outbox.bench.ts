/**
 * `npm run bench:outbox`: enqueue latency of 10,000 sales into a fresh outbox file, then their
 * drain rate into a sandbox child process on loopback. Targets: >= 500 sales/s, p99 enqueue < 5 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { Outbox } from '../src/main/outbox'
import type { SyncMode } from '../src/main/outbox/outbox-db'
import { StampsClient } from '../src/main/stamps'
import { tempDir } from '../tests/support/temp-files'

const SALES = Number(process.env.BENCH_SALES ?? 10_000)
const DEADLINE_MS = 180_000
const KEY = 'aaaabbbbccccddddeeeefffff'
const STORES = [2, 3, 32, 84]
const USERS = ['customer@stamps.co.id', 'second@stamps.co.id', '1234567890123']

function startSandbox(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--db', dbPath, '--seed', 'demo'],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /sandbox: (\S+)/.exec(out)
      if (m) resolve({ url: m[1]!, child })
    })
    child.once('exit', (code) => reject(new Error(`sandbox exited early (${code})`)))
  })
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (n: number): string => `${n.toFixed(3)} ms`

function enqueueAll(outbox: Outbox, n: number, tag: string): number[] {
  const lat: number[] = []
  for (let i = 0; i < n; i++) {
    const sale = {
      user: USERS[i % USERS.length]!,
      store: STORES[i % STORES.length]!,
      invoice_number: `${tag}-${i}`,
      total_value: 10_000 + (i % 50) * 1_000
    }
    const t = performance.now()
    outbox.enqueue(sale)
    lat.push(performance.now() - t)
  }
  return lat.sort((a, b) => a - b)
}

async function main(): Promise<void> {
  const tmp = tempDir('stamps-bench-')
  const guard = setTimeout(() => {
    console.error(`bench: gave up after ${DEADLINE_MS / 1000} s`)
    process.exit(1)
  }, DEADLINE_MS)
  const { url, child } = await startSandbox(tmp.file('sandbox.db'))
  const client = new StampsClient({ baseUrl: url, credential: { kind: 'token', key: KEY }, timeoutMs: 10_000 })
  try {
    await client.ping()
    const tag = `BENCH-${Date.now()}`
    const results: Record<string, number[]> = {}
    // For comparison only: an fsync per enqueue (synchronous FULL) on this machine's disk.
    for (const sync of ['FULL'] as SyncMode[]) {
      const probe = new Outbox({ dbPath: tmp.file(`probe-${sync}.db`), client, synchronous: sync })
      results[sync] = enqueueAll(probe, 2_000, `${tag}-probe`)
      await probe.close()
    }
    // Time spent waiting on the upstream, to tell outbox overhead from sandbox speed.
    let upstreamMs = 0
    const timed = Object.assign(Object.create(client) as StampsClient, {
      addTransaction: async (...args: Parameters<StampsClient['addTransaction']>) => {
        const t = performance.now()
        try {
          return await client.addTransaction(...args)
        } finally {
          upstreamMs += performance.now() - t
        }
      }
    })
    const outbox = new Outbox({ dbPath: tmp.file('outbox.db'), client: timed, merchantId: 14 })
    const lat = enqueueAll(outbox, SALES, tag)
    const started = performance.now()
    outbox.start()
    await new Promise<void>((resolve) => {
      const check = (d: { queued: number }) => d.queued === 0 && resolve()
      outbox.on('depth', check)
    })
    const seconds = (performance.now() - started) / 1000
    const { failed } = outbox.depth()
    await outbox.close()
    const upstream = new Database(tmp.file('sandbox.db'), { readonly: true })
    const landed = (
      upstream.prepare('SELECT count(*) AS n FROM transactions WHERE invoice_number LIKE ?').get(`${tag}-%`) as {
        n: number
      }
    ).n
    upstream.close()
    const rate = SALES / seconds
    console.log(`outbox bench: ${SALES} sales, default durability (WAL NORMAL, group checkpoint every 200 ms)`)
    console.log(
      `  enqueue  p50 ${ms(pct(lat, 50))}  p99 ${ms(pct(lat, 99))}  max ${ms(lat.at(-1)!)}   (target p99 < 5 ms)`
    )
    for (const [sync, l] of Object.entries(results))
      console.log(
        `  enqueue probe, fsync per sale (2,000, synchronous=${sync}): p50 ${ms(pct(l, 50))}  p99 ${ms(pct(l, 99))}`
      )
    console.log(`  drain    ${rate.toFixed(0)} sales/s  (${seconds.toFixed(2)} s; target >= 500/s)`)
    console.log(
      `  per sale ${ms((seconds * 1000) / SALES)}: upstream round trip ${ms(upstreamMs / SALES)}, outbox ${ms((seconds * 1000 - upstreamMs) / SALES)}`
    )
    console.log(`  upstream ${landed} of ${SALES} landed exactly once; ${failed} failed`)
    const ok = rate >= 500 && pct(lat, 99) < 5 && landed === SALES && failed === 0
    console.log(ok ? 'bench: PASS' : 'bench: BELOW TARGET')
    process.exitCode = ok ? 0 : 1
  } finally {
    clearTimeout(guard)
    client.close()
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    tmp.remove()
  }
}

void main()
