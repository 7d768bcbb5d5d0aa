/**
 * Launches the built Electron app (out/main/index.js) on a fresh data directory for specs that
 * inspect the shell itself (window, session, menu, main-process logs), which the shared `host`
 * fixture hides behind the IPC oracle. Never loads the `electron` module (see electron-binary.ts).
 */
import { _electron, type ElectronApplication } from '@playwright/test'
import { electronBinary } from './electron-binary'

export interface ShellApp {
  app: ElectronApplication
  /** Everything main printed so far (the shell logs each refusal and recovery). */
  log(): string
}

/** Starts the app; the caller closes it (`app.close()` quits it as the app's own shutdown does). */
export async function launchShellApp(opts: {
  dataDir: string
  printerUrl: string
  extraArgs?: string[]
}): Promise<ShellApp> {
  const bin = electronBinary()
  if (bin.path === null) throw new Error(`no Electron binary: ${bin.reason}`)
  // A production-like run: the DevTools opt-in must not leak in from the developer's shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[0] !== 'STAMPS_KIOSK_DEVTOOLS'
    )
  )
  const app = await _electron.launch({
    executablePath: bin.path,
    args: [
      'out/main/index.js',
      '--data-dir',
      opts.dataDir,
      '--printer',
      opts.printerUrl,
      '--bridge-port',
      '0',
      ...(opts.extraArgs ?? [])
    ],
    env
  })
  let out = ''
  app.process().stdout?.on('data', (c: Buffer) => (out += c.toString()))
  app.process().stderr?.on('data', (c: Buffer) => (out += c.toString()))
  return { app, log: () => out }
}
