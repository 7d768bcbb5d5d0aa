/**
 * `npm run bench:print`: how long a customer waits for the receipt. A host child posts sales
 * through its bridge to a sandbox child; a loopback proxy in front of the sandbox notes when
 * each sale's answer went back to the host, and the TCP printer emulator notes when each
 * receipt's last byte arrived. Target: p95 < 150 ms from the upstream's answer to that byte.
 */
import { type IncomingMessage, createServer, request } from 'node:http'
import { Agent } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { PrinterEmulator } from '../src/main/printer/printer-emulator'
import { decodeEscPos } from '../src/shared/receipt/escpos-decoder'
import { startHostChild } from '../tests/host/host-child'
import { tempDir } from '../tests/support/temp-files'
import { startSandboxChild } from './lib/sandbox-child'

const SALES = Number(process.env.BENCH_PRINT_SALES ?? 300)
const WARMUP = 30
// Ten sales a second, more than any till: the wait measured is the customer's, not a backlog of the queue.
const GAP_MS = Number(process.env.BENCH_PRINT_GAP_MS ?? 100)
const KEY = 'aaaabbbbccccddddeeeefffff'
const TOKEN = 'bench-print-token-0123456789'

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const body = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

/** A pass-through to `target` that records, per invoice, when the sale's 200 answer was handed back. */
async function answerClock(target: string): Promise<{ url: string; answered: Map<string, number>; close(): void }> {
  const answered = new Map<string, number>()
  const agent = new Agent({ keepAlive: true })
  const to = new URL(target)
  const server = createServer((req, res) => {
    void body(req).then((payload) => {
      const up = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers, agent },
        (answer) => {
          void body(answer).then((out) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            res.end(out, () => {
              if (req.url?.startsWith('/api/transactions/add') && answer.statusCode === 200) {
                const { invoice_number } = JSON.parse(payload.toString()) as { invoice_number: string }
                answered.set(invoice_number, performance.now())
              }
            })
          })
        }
      )
      up.on('error', () => res.writeHead(502).end())
      up.end(payload)
    })
  })
  server.on('clientError', (_e, socket) => socket.destroy())
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered,
    close: () => {
      server.closeAllConnections()
      server.close()
      agent.destroy()
    }
  }
}

async function postSale(bridge: string, invoice: string, store: number): Promise<void> {
  const res = await fetch(`${bridge}/api/transactions/add`, {
    method: 'POST',
    headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      user: 'customer@stamps.co.id',
      store,
      invoice_number: invoice,
      total_value: 82_500,
      items: [
        { product_name: 'Es Kopi Susu Gula Aren', quantity: 2, price: 25_000 },
        { product_name: 'Croissant Cokelat Keju Spesial', quantity: 1, price: 32_500 }
      ]
    })
  })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`bridge: HTTP ${res.status} for ${invoice}`)
}

/** The bench's invoice number printed on a receipt (whatever the receipt language calls it). */
const invoiceOf = (bytes: Uint8Array): string | undefined => {
  for (const l of decodeEscPos(bytes).lines) {
    const m = /\bP\d+-\d+$/.exec(l.text)
    if (m) return m[0]
  }
  return undefined
}

async function main(): Promise<void> {
  const tmp = tempDir('bench-print-')
  const guard = setTimeout(() => (console.error('bench: gave up after 180 s'), process.exit(1)), 180_000)
  const sandbox = await startSandboxChild(tmp.file('sandbox.db'), ['--seed', 'demo'])
  const clock = await answerClock(sandbox.url)
  const printer = new PrinterEmulator({ port: 0 })
  await printer.start()
  const host = await startHostChild(
    [
      ...['--data-dir', tmp.dir, '--upstream', clock.url, '--merchant', '14', '--store', '2'],
      ...['--bridge-port', '0', '--ui-port', '0', '--printer', `${printer.url}?model=epson-tm-t88v`]
    ],
    undefined,
    { STAMPS_KIOSK_KEY: KEY, STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN }
  ).catch(async (err: unknown) => {
    // Nothing may outlive the bench: stop what already runs before giving up.
    await printer.stop()
    clock.close()
    await sandbox.stop()
    throw err
  })
  try {
    const tag = `P${Date.now()}`
    const total = WARMUP + SALES
    for (let i = 0; i < total; i++) {
      await postSale(host.bridgeUrl, `${tag}-${i}`, [2, 3, 32, 84][i % 4]!)
      await new Promise((r) => setTimeout(r, GAP_MS))
    }
    const jobs = await printer.waitForJobs(total, 60_000)
    const waits: number[] = []
    const toPrinter: number[] = []
    for (const job of jobs) {
      const invoice = invoiceOf(job.bytes)
      const answeredAt = invoice && clock.answered.get(invoice)
      if (!invoice || !answeredAt) throw new Error(`receipt ${job.id}: no sale answer for invoice ${invoice}`)
      if (Number(invoice.split('-').pop()) < WARMUP) continue
      waits.push(job.lastByteAt - answeredAt)
      toPrinter.push(job.acceptedAt - answeredAt)
    }
    waits.sort((a, b) => a - b)
    const f = (n: number): string => `${n.toFixed(1)} ms`
    console.log(`print bench: ${SALES} sales through the bridge, one every ${GAP_MS} ms, receipts to a TCP printer`)
    console.log(
      `  upstream answer -> last receipt byte  p50 ${f(pct(waits, 50))}  p95 ${f(pct(waits, 95))}  max ${f(waits.at(-1)!)}  (target p95 < 150 ms)`
    )
    toPrinter.sort((a, b) => a - b)
    console.log(
      `  of which until the printer's connection   p50 ${f(pct(toPrinter, 50))}  p95 ${f(pct(toPrinter, 95))}  (member read, queue, encode)`
    )
    const ok = pct(waits, 95) < 150
    console.log(ok ? 'bench: PASS' : 'bench: BELOW TARGET')
    process.exitCode = ok ? 0 : 1
  } finally {
    clearTimeout(guard)
    await host.stop()
    await printer.stop()
    clock.close()
    await sandbox.stop()
    tmp.remove()
  }
}

void main()
