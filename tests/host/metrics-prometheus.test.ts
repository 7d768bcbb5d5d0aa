/**
 * Health and metrics against Debian's real Prometheus (scripts/ensure-system-deps.sh installs it):
 * a host whose Stamps is down queues a sale; the bridge's loopback probes answer without a token;
 * Prometheus scrapes the LAN metrics listener with its bearer token, and its HTTP query API reads
 * the queued sale back (outbox depth and the sales counter) and its receipt held by a printer out
 * of paper.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrinterEmulator } from '../../src/main/printer'
import { freePort } from '../support/free-port'
import { tempDir } from '../support/temp-files'
import { startHostChild, type HostChild } from './host-child'

const TOKEN = 'metrics-test-bridge-token-0123'
const METRICS_TOKEN = 'metrics-test-scrape-token-0123'
const hasPrometheus = spawnSync('prometheus', ['--version']).status === 0
const tmp = tempDir('metrics-prom-')
/** Out of paper: the queued sale's receipt is held, and the printer is down. */
const printer = new PrinterEmulator({ port: 0, paperOut: true, columns: 32 })
let host: HostChild
let prometheus: ChildProcess | undefined
let lanUrl: string
let promUrl: string

beforeAll(async () => {
  await printer.start()
  const deadUpstream = await freePort()
  const lanPort = await freePort()
  lanUrl = `http://127.0.0.1:${lanPort}`
  host = await startHostChild(
    [
      '--data-dir',
      tmp.dir,
      '--bridge-port',
      '0',
      '--ui-port',
      '0',
      '--upstream',
      `http://127.0.0.1:${deadUpstream}`,
      '--merchant',
      '14',
      '--store',
      '2',
      '--printer',
      printer.url,
      '--metrics-listen',
      `127.0.0.1:${lanPort}`
    ],
    20_000,
    {
      STAMPS_KIOSK_KEY: 'aaaabbbbccccddddeeeefffff',
      STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN,
      STAMPS_KIOSK_METRICS_TOKEN: METRICS_TOKEN
    }
  )
})
afterAll(async () => {
  if (prometheus && prometheus.exitCode === null) {
    const exited = new Promise((r) => prometheus!.once('exit', r))
    prometheus.kill('SIGTERM')
    await exited
  }
  await host?.stop()
  await printer.stop()
  tmp.remove()
})

describe('health and metrics', () => {
  it('answers /healthz, /readyz (ready; Stamps unreachable, said apart) and /metrics on loopback without a token', async () => {
    expect(await (await fetch(`${host.bridgeUrl}/healthz`)).json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${host.bridgeUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({
      ready: true,
      stores: { outbox: 'ok', printQueue: 'ok', balances: 'ok', members: 'ok' },
      dataDir: 'ok',
      upstream: { reachable: false, embedded: false }
    })
    const metrics = await fetch(`${host.bridgeUrl}/metrics`)
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await metrics.text()
    for (const name of [
      'process_resident_memory_bytes',
      'stamps_kiosk_outbox_pending',
      'stamps_kiosk_outbox_oldest_pending_seconds',
      'stamps_kiosk_print_jobs_held',
      'stamps_kiosk_printer_up',
      'stamps_kiosk_scanner_up',
      'stamps_kiosk_disk_free_bytes',
      'stamps_kiosk_upstream_request_duration_seconds',
      'stamps_kiosk_sales_total',
      'stamps_kiosk_upstream_requests_total'
    ])
      expect(text).toContain(`# TYPE ${name} `)
    expect(text).toMatch(/^stamps_kiosk_upstream_requests_total\{endpoint="ping",status="error"\} [1-9]/m)
  })

  it('serves /metrics on the LAN address only with the bearer token, and nothing else there', async () => {
    expect((await fetch(`${lanUrl}/metrics`)).status).toBe(401)
    expect(
      (await fetch(`${lanUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status
    ).toBe(401)
    const auth = { authorization: `Bearer ${METRICS_TOKEN}` }
    expect((await fetch(`${lanUrl}/metrics`, { headers: auth })).status).toBe(200)
    expect((await fetch(`${lanUrl}/readyz`, { headers: auth })).status).toBe(404)
  })

  it('Prometheus scrapes it and its query API reads the queued sale back', async () => {
    if (!hasPrometheus) throw new Error('prometheus is not installed: run scripts/ensure-system-deps.sh (as root)')
    const sale = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
      method: 'POST',
      headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'customer@stamps.co.id', store: 2, invoice_number: 'prom-1', total_value: 50_000 })
    })
    expect(sale.status).toBe(202)

    const promPort = await freePort()
    promUrl = `http://127.0.0.1:${promPort}`
    const lan = new URL(lanUrl)
    writeFileSync(
      tmp.file('prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n  - job_name: stamps-kiosk\n    authorization:\n      credentials_file: ${tmp.file('metrics-token')}\n    static_configs:\n      - targets: ['${lan.host}']\n`
    )
    writeFileSync(tmp.file('metrics-token'), METRICS_TOKEN)
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${tmp.file('prometheus.yml')}`,
        `--storage.tsdb.path=${tmp.file('tsdb')}`,
        `--web.listen-address=127.0.0.1:${promPort}`
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
    let log = ''
    prometheus.stderr!.on('data', (c: Buffer) => (log += c.toString()))

    const query = async (q: string): Promise<string | undefined> => {
      const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`).catch(() => undefined)
      if (!res?.ok) return undefined
      const body = (await res.json()) as { data: { result: Array<{ value: [number, string] }> } }
      return body.data.result[0]?.value[1]
    }
    await expect
      .poll(() => query('up{job="stamps-kiosk"}'), { timeout: 30_000, interval: 500 })
      .toBe('1')
      .catch((err: Error) => {
        throw new Error(`${err.message}\nprometheus said:\n${log}`)
      })
    await expect.poll(() => query('stamps_kiosk_outbox_pending'), { timeout: 15_000, interval: 500 }).toBe('1')
    expect(await query('stamps_kiosk_sales_total{outcome="queued"}')).toBe('1')
    expect(Number(await query('stamps_kiosk_outbox_oldest_pending_seconds'))).toBeGreaterThan(0)
    expect(Number(await query('stamps_kiosk_disk_free_bytes'))).toBeGreaterThan(0)
    // The receipt ("stamps pending") met a printer out of paper: held, and the printer is down.
    await expect.poll(() => query('stamps_kiosk_print_jobs_held'), { timeout: 15_000, interval: 500 }).toBe('1')
    expect(await query('stamps_kiosk_printer_up')).toBe('0')
  })
})
