/**
 * Test fixtures: a fresh data directory, a printer emulator, the real host (`npm run serve`,
 * or the Electron app in the electron project) and page models for the kiosk screens.
 * Nothing is faked: what a spec asserts was produced by the host's own services.
 */
import { test as base, _electron, expect, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PrinterEmulator } from '../../../src/main/printer/printer-emulator'
import type { IpcChannel, StampsKioskApi } from '../../../src/shared/ipc'
import { electronBinary } from './electron-binary'
import { freePort } from '../../support/free-port'
import { startHostProcess, type HostProcess } from './host-process'
import { AttractPage } from './pages/AttractPage'
import { KioskShell } from './pages/KioskShell'
import { MemberPage } from './pages/MemberPage'
import { NoticePage } from './pages/NoticePage'

export interface KioskOptions {
  runtime: 'browser' | 'electron'
  /** Written to <dataDir>/settings.json before the host starts (e.g. a short idle timeout). */
  settingsFile: Record<string, unknown> | null
  /** `--scanner` for the host; `fake` enables the HID report hook. */
  scannerSpec: string | undefined
  /** Extra flags for the host (e.g. `--mode cashier`). */
  hostArgs: string[]
}

export interface KioskFixtures {
  /** The host's extra flags for this test: `hostArgs`, plus what a spec's fixtures add (an upstream it started). */
  hostExtraArgs: string[]
  /** The host's extra environment: secrets such as STAMPS_KIOSK_KEY (refused as flags). */
  hostEnv: Record<string, string>
  dataDir: string
  printer: PrinterEmulator
  host: HostProcess
  kioskPage: Page
  shell: KioskShell
  attract: AttractPage
  member: MemberPage
  notice: NoticePage
}

let warned = false
const electronWindows = new Map<string, Page>()

export const test = base.extend<KioskOptions & KioskFixtures>({
  runtime: ['browser', { option: true }],
  settingsFile: [null, { option: true }],
  scannerSpec: [undefined, { option: true }],
  hostArgs: [[], { option: true }],
  hostExtraArgs: async ({ hostArgs }, use) => use(hostArgs),
  hostEnv: async ({}, use) => use({}),

  dataDir: async ({ settingsFile }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
    if (settingsFile) await writeFile(join(dir, 'settings.json'), JSON.stringify(settingsFile, null, 2))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  printer: async ({}, use) => {
    const emulator = new PrinterEmulator({ port: 0, columns: 32 })
    await emulator.start()
    await use(emulator)
    await emulator.stop()
  },

  host: async ({ runtime, dataDir, printer, scannerSpec, hostExtraArgs, hostEnv }, use) => {
    if (runtime === 'electron') {
      const bin = electronBinary()
      if (bin.path === null) {
        const message = `electron project skipped: ${bin.reason}. It runs the same specs where \`npx electron\` works.`
        if (!warned) console.warn(message)
        warned = true
        test.skip(true, message)
        return
      }
      // The app runs the same host in its main process (no browser host): the oracle is the
      // window's own preload API, i.e. the same IPC table over Electron IPC. It prints nothing, so
      // the bridge gets a port and a token (by environment, never on a command line) from here.
      const bridgePort = await freePort()
      const bridgeToken = randomBytes(24).toString('base64url')
      const app = await _electron.launch({
        executablePath: bin.path,
        args: [
          'out/main/index.js',
          '--data-dir',
          dataDir,
          '--printer',
          printer.url,
          '--bridge-port',
          String(bridgePort),
          ...(scannerSpec ? ['--scanner', scannerSpec] : []),
          ...hostExtraArgs
        ],
        env: { ...(process.env as Record<string, string>), ...hostEnv, STAMPS_KIOSK_BRIDGE_TOKEN: bridgeToken }
      })
      const win = await app.firstWindow()
      electronWindows.set(dataDir, win)
      await use({
        uiUrl: '',
        bridgeUrl: `http://127.0.0.1:${bridgePort}`,
        bridgeToken,
        sandboxUrl: null,
        token: '',
        output: () => '',
        ipc: (channel, payload) =>
          win.evaluate(
            ([c, p]) =>
              (globalThis as unknown as { stampsKiosk: StampsKioskApi }).stampsKiosk.invoke(
                c as IpcChannel,
                p as never
              ),
            [channel, payload] as const
          ) as never,
        post: async () => {
          throw new Error('test routes belong to the browser host')
        },
        freeze: () => {
          throw new Error('freezing the host is a browser-host test')
        },
        thaw: () => undefined,
        stop: () => app.close()
      })
      await app.close()
      return
    }
    const host = await startHostProcess({
      dataDir,
      printerUrl: printer.url,
      ...(scannerSpec && { scanner: scannerSpec }),
      extraArgs: hostExtraArgs,
      env: hostEnv
    })
    await use(host)
    await host.stop()
  },

  kioskPage: async ({ runtime, page, host, dataDir }, use) => {
    if (runtime === 'electron') return use(electronWindows.get(dataDir)!)
    await page.goto(host.uiUrl)
    await use(page)
  },

  shell: async ({ kioskPage }, use) => {
    const shell = new KioskShell(kioskPage)
    await shell.waitReady()
    await use(shell)
  },
  attract: async ({ kioskPage }, use) => use(new AttractPage(kioskPage)),
  member: async ({ kioskPage }, use) => use(new MemberPage(kioskPage)),
  notice: async ({ kioskPage }, use) => use(new NoticePage(kioskPage))
})

export { expect }
