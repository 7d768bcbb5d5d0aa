/**
 * `npm run serve`: the headless host. Starts every service, prints `bridge:` and `ui:` lines
 * when ready, and on SIGTERM/SIGINT stops taking work, finishes what is in flight and exits.
 */
import { join } from 'node:path'
import { installLastResort } from '../../platform/process/last-resort'
import { DamagedDatabaseError } from '../../platform/sqlite/damaged-file'
import { SettingsError } from '../settings/settings-schema'
import { loadSettings } from '../settings/settings-store'
import { ensureRendererBuilt } from './renderer-build'
import { startHost } from './start-host'

const log = (line: string): void => void process.stderr.write(`${line}\n`)
installLastResort('stamps-kiosk', log)

async function main(): Promise<void> {
  const loaded = loadSettings(process.argv.slice(2))
  const projectDir = join(__dirname, '..', '..', '..')
  // Test runners build once up front; a rebuild under a running page would swap its assets.
  const rendererDir = process.env.STAMPS_KIOSK_SKIP_RENDERER_BUILD
    ? join(projectDir, 'out', 'renderer')
    : ensureRendererBuilt(projectDir, log)
  const host = await startHost({ loaded, rendererDir, log })
  if (host.sandboxUrl) console.log(`sandbox: ${host.sandboxUrl}`)
  console.log(`bridge: ${host.bridgeUrl}`)
  if (host.captureUrl) console.log(`capture: ${host.captureUrl}   the POS prints here; jobs go on to the printer`)
  if (!loaded.settings.bridge.token) console.log(`bridge token: ${loaded.bridgeToken}  (kept in ${loaded.dataDir})`)
  console.log(`data: ${loaded.dataDir}`)
  // kiosk: before ui:, which scripts read as "ready".
  if (host.kioskPage) console.log(`kiosk: ${host.kioskPage}`)
  console.log(`ui: ${host.uiUrl}`)

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

main().catch((err: unknown) => {
  // A person acts on these: the message says what is wrong and what to do, no stack needed.
  if (err instanceof SettingsError || err instanceof DamagedDatabaseError) log(`stamps-kiosk: ${err.message}`)
  else log(`stamps-kiosk: could not start: ${(err as Error).stack ?? String(err)}`)
  process.exit(2)
})
