/**
 * `npm run bench:capture`: how much later a receipt prints when the POS prints through the host
 * (capture commit, reading, pairing, outbox, footer, forward) than straight to the printer. The
 * same scripted POS prints the same receipt to the printer emulator directly, then through the
 * capture port with Stamps up (footer with stamps), with Stamps unreachable (footer says
 * pending) and with a loyalty path that never answers (the receipt prints as sent). Target:
 * a receipt prints at most 50 ms later (added p95 <= 50 ms in every case).
 */
import { connect } from 'node:net'
import { performance } from 'node:perf_hooks'
import { CAPTURE_BUDGET_MS, STAMPS_WAIT_MS } from '../src/main/capture/capture.setup'
import { openCaptureDb } from '../src/main/capture/capture-db'
import { CaptureForwarder, type FooterFor } from '../src/main/capture/capture-forwarder'
import { CaptureLoyalty } from '../src/main/capture/capture-loyalty'
import { CaptureServer } from '../src/main/capture/capture-server'
import { CaptureStore } from '../src/main/capture/capture-store'
import { MemberPairing } from '../src/main/capture/member-pairing'
import { Outbox } from '../src/main/outbox'
import { PrinterEmulator } from '../src/main/printer'
import { TcpTransport } from '../src/main/printer/tcp-transport'
import { StampsClient } from '../src/main/stamps'
import { CircuitBreaker } from '../src/main/stamps/circuit-breaker'
import { GENERIC_STRUK } from '../tests/fixtures/capture/pos-receipts'
import { freePort } from '../tests/support/free-port'
import { tempDir } from '../tests/support/temp-files'
import { startSandboxChild } from './lib/sandbox-child'

const JOBS = Number(process.env.BENCH_CAPTURE_JOBS ?? 150)
const WARMUP = 20
const KEY = 'aaaabbbbccccddddeeeefffff'
const CARD = '1234567890123'

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Prints one job to `port` and resolves when the emulator has it whole: ms from the first byte sent. */
function printOnce(port: number, bytes: Uint8Array, emulator: PrinterEmulator): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const onJob = (): void => {
      emulator.off('job', onJob)
      resolve(performance.now() - t)
    }
    emulator.on('job', onJob)
    const s = connect(port, '127.0.0.1', () => s.end(bytes))
    s.on('error', reject)
  })
}

async function run(label: string, port: number, emulator: PrinterEmulator, tag: string, before?: () => void) {
  const lat: number[] = []
  for (let i = 0; i < JOBS + WARMUP; i++) {
    before?.()
    const ms = await printOnce(port, GENERIC_STRUK(`${tag}-${i}`), emulator)
    if (i >= WARMUP) lat.push(ms)
  }
  lat.sort((a, b) => a - b)
  return { label, p50: pct(lat, 50), p95: pct(lat, 95) }
}

async function captureRig(dir: string, upstreamUrl: string, printerPort: number, loyaltyPath: 'on' | 'off' | 'hang') {
  const client = new StampsClient(
    { baseUrl: upstreamUrl, credential: { kind: 'token', key: KEY }, timeoutMs: 2000 },
    { breaker: new CircuitBreaker() }
  )
  const outbox = new Outbox({ dbPath: `${dir}/outbox.sqlite`, client, merchantId: 14 })
  outbox.start()
  const db = openCaptureDb(`${dir}/capture.sqlite`)
  const store = new CaptureStore(db)
  const pairing = new MemberPairing(60_000)
  const loyalty = new CaptureLoyalty({
    store,
    outbox,
    storeId: 2,
    templates: () => [],
    pairing,
    waitMs: STAMPS_WAIT_MS,
    upstream: client.breaker ?? null,
    footer: () => ({ language: 'id', columns: 32 })
  })
  const never: FooterFor = () => new Promise(() => undefined)
  const forwarder = new CaptureForwarder({
    store,
    transport: () => new TcpTransport({ host: '127.0.0.1', port: printerPort }),
    ...(loyaltyPath !== 'off' && { footerFor: loyaltyPath === 'hang' ? never : (job) => loyalty.footerFor(job) }),
    budgetMs: CAPTURE_BUDGET_MS
  })
  const server = new CaptureServer({
    host: '127.0.0.1',
    port: 0,
    store,
    printerStatus: () => ({ state: 'ok', online: true, coverOpen: false, paper: 'ok' }),
    onJob: () => forwarder.wake()
  })
  const port = await server.start()
  return {
    port,
    pairing,
    footers: () => store.recent(JOBS).filter((j) => j.footer).length,
    async close() {
      await server.close()
      await forwarder.close()
      await outbox.close()
      client.close()
      db.close()
    }
  }
}

async function main(): Promise<void> {
  const tmp = tempDir('bench-capture-')
  const guard = setTimeout(() => (console.error('bench: gave up after 300 s'), process.exit(1)), 300_000)
  const sandbox = await startSandboxChild(tmp.file('sandbox.db'), ['--seed', 'demo'])
  const emulator = new PrinterEmulator({ port: 0 })
  const printerPort = await emulator.start()
  const dead = `http://127.0.0.1:${await freePort()}`
  const results = []
  try {
    results.push(await run('direct to the printer', printerPort, emulator, 'D'))
    const cases: Array<[string, string, 'on' | 'off' | 'hang']> = [
      ['capture, no loyalty path (forward only)', sandbox.url, 'off'],
      ['capture, Stamps up, member paired', sandbox.url, 'on'],
      ['capture, Stamps unreachable', dead, 'on'],
      ['capture, loyalty never answers', sandbox.url, 'hang']
    ]
    for (const [i, [label, url, hang]] of cases.entries()) {
      const dir = tmp.file(`rig-${i}`)
      await import('node:fs/promises').then((fs) => fs.mkdir(dir))
      const rig = await captureRig(dir, url, printerPort, hang)
      const r = await run(label, rig.port, emulator, `C${i}`, () => rig.pairing.scanned(CARD))
      results.push({ ...r, footers: rig.footers() })
      await rig.close()
    }
  } finally {
    clearTimeout(guard)
    await emulator.stop()
    await sandbox.stop()
    tmp.remove()
  }
  const direct = results[0]!
  console.log(`capture bench: ${JOBS} receipts per case, one at a time (after ${WARMUP} warm-up)`)
  let pass = true
  for (const r of results) {
    const added =
      r === direct ? '' : `  added p50 ${(r.p50 - direct.p50).toFixed(1)} ms, p95 ${(r.p95 - direct.p95).toFixed(1)} ms`
    const footers = 'footers' in r ? `  (${String(r.footers)} with footer)` : ''
    console.log(`${r.label.padEnd(40)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms${added}${footers}`)
    if (r !== direct && r.p95 - direct.p95 > 50) pass = false
  }
  console.log(`${pass ? 'PASS' : 'FAIL'}: added print latency p95 <= 50 ms in every case`)
  process.exit(pass ? 0 : 1)
}

void main()
