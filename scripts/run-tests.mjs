// Runs every test suite (vitest, then Playwright when configured) and prints one closing line
// `N passed, N failed` summed from their JSON reports (skipped tests counted on the line before),
// for people and for CI.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const reports = join(process.cwd(), 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const bin = (name) => join(process.cwd(), 'node_modules', '.bin', name)
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

const totals = { passed: 0, failed: 0, skipped: 0 }
let exitCode = 0

// Chromium and libusb from Debian when missing (as root), so `npm test` works on a fresh machine.
if (run('bash', [join(process.cwd(), 'scripts', 'ensure-system-deps.sh')]) !== 0) {
  console.log('0 passed, 1 failed')
  process.exit(1)
}

// The host tests and the browser specs serve the built renderer: build it once, up front.
if (run(bin('electron-vite'), ['build', '--logLevel', 'warn']) !== 0) {
  console.log('0 passed, 1 failed')
  process.exit(1)
}

const vitestReport = join(reports, 'vitest.json')
exitCode |= run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`])
if (existsSync(vitestReport)) {
  const r = JSON.parse(readFileSync(vitestReport, 'utf8'))
  totals.passed += r.numPassedTests ?? 0
  totals.failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0)
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
} else {
  totals.failed += 1
}

if (existsSync('playwright.config.ts')) {
  const pwReport = join(reports, 'playwright.json')
  exitCode |= run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport })
  if (existsSync(pwReport)) {
    const s = JSON.parse(readFileSync(pwReport, 'utf8')).stats ?? {}
    totals.passed += (s.expected ?? 0) + (s.flaky ?? 0)
    if (s.flaky) console.log(`playwright: ${s.flaky} test(s) passed only on retry (flaky): see the list above`)
    totals.failed += s.unexpected ?? 0
    totals.skipped += s.skipped ?? 0
  } else {
    totals.failed += 1
  }
}

if (totals.failed > 0) exitCode = exitCode || 1
console.log(`${totals.skipped} skipped (specs for a runtime this machine lacks, such as Electron)`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(exitCode)
