/**
 * `npm run bench:ui`: the kiosk UI budgets, measured on the embedded default (the host's own
 * sandbox) in Chromium through the browser host, and printed:
 *   - renderer JS, gzipped            < 250 KB
 *   - first screen interactive, p95   < 1 s after navigation starts
 *   - scan to member on screen, p95   < 150 ms (in-page: wedge scan complete -> member painted)
 *   - scan to rewards list on screen, p95 < 150 ms (in-page: wedge scan complete -> rewards painted)
 * Exits 1 when a budget is missed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { PrinterEmulator } from '../src/main/printer/printer-emulator'
import { DEMO_CARD, SECOND_CARD } from '../tests/e2e/support/demo'
import { startHostProcess } from '../tests/e2e/support/host-process'
import { AttractPage } from '../tests/e2e/support/pages/AttractPage'

const LOADS = 10
const SCANS = 60
const WARMUP = 5
const BUDGET = { jsGzipKb: 250, interactiveMs: 1000, scanToMemberMs: 150, scanToRewardsMs: 150 }

// Browser globals used inside page.evaluate (this project compiles without the DOM library).
declare const performance: { getEntriesByName(name: string): Array<{ startTime: number; duration: number }> }

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN
}
const fmt = (n: number): string => n.toFixed(1).padStart(7)

function rendererJsGzipKb(): number {
  const dir = join('out', 'renderer', 'assets')
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0) / 1024
  )
}

async function interactiveTimes(page: Page, url: string): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < LOADS; i++) {
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('kiosk-interactive').length > 0)
    out.push(await page.evaluate(() => performance.getEntriesByName('kiosk-interactive')[0]!.startTime))
  }
  return out
}

async function scanTimes(page: Page): Promise<{ inPage: number[]; endToEnd: number[]; rewards: number[] }> {
  const attract = new AttractPage(page)
  const inPage: number[] = []
  const endToEnd: number[] = []
  const rewards: number[] = []
  for (let i = 0; i < WARMUP + SCANS; i++) {
    const seen = await page.evaluate(() => performance.getEntriesByName('scan-to-member').length)
    const seenRewards = await page.evaluate(() => performance.getEntriesByName('scan-to-rewards').length)
    const t0 = Date.now()
    await attract.wedgeScan(i % 2 === 0 ? DEMO_CARD : SECOND_CARD)
    await page.waitForFunction((n) => performance.getEntriesByName('scan-to-member').length > n, seen, {
      polling: 'raf'
    })
    const wall = Date.now() - t0
    const measured = await page.evaluate(() => performance.getEntriesByName('scan-to-member').at(-1)!.duration)
    await page.waitForFunction((n) => performance.getEntriesByName('scan-to-rewards').length > n, seenRewards, {
      polling: 'raf'
    })
    const toRewards = await page.evaluate(() => performance.getEntriesByName('scan-to-rewards').at(-1)!.duration)
    if (i >= WARMUP) {
      inPage.push(measured)
      endToEnd.push(wall)
      rewards.push(toRewards)
    }
  }
  return { inPage, endToEnd, rewards }
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
  const jsKb = rendererJsGzipKb()

  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'))
  const printer = new PrinterEmulator({ port: 0 })
  await printer.start()
  const host = await startHostProcess({
    dataDir,
    printerUrl: printer.url
  })
  const browser = await chromium.launch({
    headless: true,
    ...(existsSync('/usr/bin/chromium') && { executablePath: '/usr/bin/chromium' }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    const interactive = await interactiveTimes(page, host.uiUrl)
    const scans = await scanTimes(page)

    const rows: Array<[string, string, boolean]> = [
      [`renderer JS gzipped          ${fmt(jsKb)} KB`, `< ${BUDGET.jsGzipKb} KB`, jsKb < BUDGET.jsGzipKb],
      [
        `first screen interactive p50 ${fmt(pct(interactive, 50))} ms  p95 ${fmt(pct(interactive, 95))} ms  max ${fmt(Math.max(...interactive))} ms (${LOADS} loads)`,
        `p95 < ${BUDGET.interactiveMs} ms`,
        pct(interactive, 95) < BUDGET.interactiveMs
      ],
      [
        `scan to member on screen p50 ${fmt(pct(scans.inPage, 50))} ms  p95 ${fmt(pct(scans.inPage, 95))} ms  max ${fmt(Math.max(...scans.inPage))} ms (${SCANS} scans)`,
        `p95 < ${BUDGET.scanToMemberMs} ms`,
        pct(scans.inPage, 95) < BUDGET.scanToMemberMs
      ],
      [
        `scan to rewards on screen p50 ${fmt(pct(scans.rewards, 50))} ms  p95 ${fmt(pct(scans.rewards, 95))} ms  max ${fmt(Math.max(...scans.rewards))} ms (${SCANS} scans)`,
        `p95 < ${BUDGET.scanToRewardsMs} ms`,
        pct(scans.rewards, 95) < BUDGET.scanToRewardsMs
      ],
      [
        `  (wall clock at the driver)  p50 ${fmt(pct(scans.endToEnd, 50))} ms  p95 ${fmt(pct(scans.endToEnd, 95))} ms (informative)`,
        '',
        true
      ]
    ]
    console.log('bench:ui on the embedded default (npm run serve)')
    for (const [line, budget, ok] of rows)
      console.log(`${budget ? (ok ? 'ok  ' : 'FAIL') : '    '} ${line}${budget ? `  budget ${budget}` : ''}`)
    process.exitCode = rows.every(([, , ok]) => ok) ? 0 : 1
  } finally {
    await browser.close()
    await host.stop()
    await printer.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(`bench:ui failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
