/**
 * End to end: the kiosk renderer in Debian's Chromium through the browser host (`npm run serve`),
 * against the embedded sandbox and a printer emulator; the same specs in Electron where its
 * binary exists. Reports: `list` for people, `json` for scripts/run-tests.mjs (it sets
 * PLAYWRIGHT_JSON_OUTPUT_NAME). Artefacts stay in test-results/, never in reports/.
 */
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import type { KioskOptions } from './tests/e2e/support/fixtures'

const debianChromium = '/usr/bin/chromium'

export default defineConfig<KioskOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]
  ],
  timeout: 60_000,
  // One retry under CI absorbs a stalled 2-core runner; run-tests.mjs prints how many needed it.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 10_000 },
  // Each test runs its own host (tsx + SQLite + printer emulator): two at a time suits 2 cores.
  workers: process.env.CI ? 2 : undefined,
  fullyParallel: true,
  use: {
    headless: true,
    viewport: { width: 1024, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium when present (no browser download); Playwright's own otherwise.
      ...(existsSync(debianChromium) && { executablePath: debianChromium }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  projects: [
    { name: 'chromium', use: { runtime: 'browser' } },
    { name: 'electron', use: { runtime: 'electron' } }
  ]
})
