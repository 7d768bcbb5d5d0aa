/**
 * A stable address: `npm run serve` prints the same `ui:` URL on every start on one data directory,
 * so a kiosk opened on it (`chromium --kiosk <url>`) finds its host again after a reboot.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSettings } from '../../src/main/settings/settings-schema'
import { UI_TOKEN_FILE } from '../../src/main/host/start-host'
import { freePort } from '../support/free-port'
import { tempDir } from '../support/temp-files'
import { startHostChild } from './host-child'

const tmp = tempDir('stable-address-')
afterAll(() => tmp.remove())

describe('the ui: address', () => {
  it('has a fixed default port beside the bridge', () => {
    const { ui, bridge } = parseSettings({})
    expect(bridge.port).toBe(8765)
    expect(ui.port).toBe(8766)
  })

  it('is the same URL, token included, on two starts on one data directory', async () => {
    // Not the default 8766 itself: other hosts on this machine may hold it while tests run.
    const port = await freePort()
    const args = ['--data-dir', tmp.dir, '--bridge-port', '0', '--ui-port', String(port), '--scanner', 'none']
    const first = await startHostChild(args)
    await first.stop()
    const second = await startHostChild(args)
    await second.stop()
    expect(first.uiUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[\\w-]{16,}$`))
    expect(second.uiUrl).toBe(first.uiUrl)
    expect(statSync(join(tmp.dir, UI_TOKEN_FILE)).mode & 0o077).toBe(0)
  })
})
