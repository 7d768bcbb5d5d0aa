/**
 * The headless host's command line, shared by `npm run serve` (TypeScript, development) and
 * `npm run start:host` (the build in out/): answers --help, starts every service, prints `bridge:`
 * and `ui:` lines when ready, and on SIGTERM/SIGINT stops taking work, finishes what is in flight
 * and exits.
 */
import { join } from 'node:path'
import { answerHelp } from '../../platform/cli/cli-help'
import { createLogger, type HostLogger } from '../../platform/log/logger'
import { installProcessLogger } from '../../platform/log/process-log'
import { installLastResort } from '../../platform/process/last-resort'
import { DamagedDatabaseError } from '../../platform/sqlite/damaged-file'
import { hostHelp } from '../settings/settings-help'
import { SettingsError } from '../settings/settings-schema'
import { loadSettings } from '../settings/settings-store'
import { startHost } from './start-host'

export interface HostCliOptions {
  /** How a person starts it, for --help: `npm run serve --`. */
  command: string
  /** The built renderer to serve (built first in development). */
  rendererDir(log: (line: string) => void): string
}

/** Runs the host until a signal stops it; exits 2 on settings it refuses or a failed start. */
export function runHostCli({ command, rendererDir }: HostCliOptions): void {
  // Plain stderr until the settings name the data directory and the level; the logger after.
  let logs: HostLogger | undefined
  const log = (line: string): void => (logs ? logs.line(line) : void process.stderr.write(`${line}\n`))
  installLastResort('stamps-kiosk', log)
  const argv = process.argv.slice(2)
  answerHelp(argv, hostHelp(command))
  main(argv, rendererDir, log, (l) => {
    logs = l
    installProcessLogger(l.logger)
  }).catch((err: unknown) => {
    // A person acts on these: the message says what is wrong and what to do, no stack needed.
    if (err instanceof SettingsError || err instanceof DamagedDatabaseError) log(`stamps-kiosk: ${err.message}`)
    else log(`stamps-kiosk: could not start: ${(err as Error).stack ?? String(err)}`)
    process.exit(2)
  })
}

async function main(
  argv: string[],
  rendererDir: HostCliOptions['rendererDir'],
  log: (line: string) => void,
  useLogger: (logs: HostLogger) => void
) {
  const loaded = loadSettings(argv)
  let uiToken = ''
  // JSON lines in <data>/logs (rolled by size, bounded in count), readable lines on stderr; the
  // secrets this host holds are censored wherever they appear, whatever a message says.
  useLogger(
    createLogger({
      level: loaded.settings.logLevel,
      file: { dir: join(loaded.dataDir, 'logs') },
      terminal: { stream: process.stderr, pretty: process.stderr.isTTY === true },
      secrets: () => [loaded.bridgeToken, loaded.settings.credential.key, uiToken]
    })
  )
  const host = await startHost({ loaded, rendererDir: rendererDir(log), log })
  uiToken = host.uiUrl ? (new URL(host.uiUrl).searchParams.get('token') ?? '') : ''
  const say = (line: string): void => void process.stdout.write(`${line}\n`)
  if (host.sandboxUrl) say(`sandbox: ${host.sandboxUrl}`)
  say(`bridge: ${host.bridgeUrl}`)
  if (host.captureUrl) say(`capture: ${host.captureUrl}   the POS prints here; jobs go on to the printer`)
  if (!loaded.settings.bridge.token) say(`bridge token: ${loaded.bridgeToken}  (kept in ${loaded.dataDir})`)
  say(`data: ${loaded.dataDir}`)
  // kiosk: before ui:, which scripts read as "ready".
  if (host.kioskPage) say(`kiosk: ${host.kioskPage}`)
  say(`ui: ${host.uiUrl}`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log(`${signal}: finishing work in flight...`)
    host.close().then(
      () => process.exit(0),
      (err: Error) => {
        log(`shutdown failed: ${err.message}`)
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
