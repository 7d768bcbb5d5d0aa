/** The metrics listener's settings: an address needs a token, the token never on a command line, sealed at rest, never shown. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { loadSettings, publicSettings, saveSettings } from './settings-store'

const dirs: Array<ReturnType<typeof tempDir>> = []
const fresh = (): string => {
  const tmp = tempDir('settings-metrics-')
  dirs.push(tmp)
  return tmp.dir
}
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove()
})
const TOKEN = 'scrape-token-0123456789'

describe('metrics settings', () => {
  it('is off by default', () => {
    expect(loadSettings(['--data-dir', fresh()], {}).settings.metrics).toEqual({ listen: null })
  })

  it('refuses a LAN address without a token, naming the variable, and --metrics-token on the command line', () => {
    const dir = fresh()
    expect(() => loadSettings(['--data-dir', dir, '--metrics-listen', '192.168.1.20:9464'], {})).toThrow(
      /metrics\.token: a LAN address needs a token: set STAMPS_KIOSK_METRICS_TOKEN/
    )
    expect(() => loadSettings(['--data-dir', dir, '--metrics-token', TOKEN], {})).toThrow(
      /--metrics-token: not accepted on the command line.*STAMPS_KIOSK_METRICS_TOKEN/
    )
    expect(() => loadSettings(['--data-dir', dir, '--metrics-listen', 'kiosk.local'], {})).toThrow(
      /metrics\.listen: must be address:port/
    )
  })

  it('takes the address from a flag and the token from the environment; off turns it off', () => {
    const dir = fresh()
    const env = { STAMPS_KIOSK_METRICS_TOKEN: TOKEN }
    expect(loadSettings(['--data-dir', dir, '--metrics-listen', '192.168.1.20:9464'], env).settings.metrics).toEqual({
      listen: '192.168.1.20:9464',
      token: TOKEN
    })
    expect(
      loadSettings(['--data-dir', dir, '--metrics-listen', 'off'], {
        STAMPS_KIOSK_METRICS_LISTEN: '10.0.0.2:9464',
        ...env
      }).settings.metrics.listen
    ).toBeNull()
  })

  it('seals the token in settings.json and keeps the whole block from the screens', () => {
    const dir = fresh()
    const settings = saveSettings(dir, { metrics: { listen: '10.0.0.2:9464', token: TOKEN } })
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(TOKEN)
    expect(loadSettings(['--data-dir', dir], {}).settings.metrics.token).toBe(TOKEN)
    expect(JSON.stringify(publicSettings(settings))).not.toContain(TOKEN)
    expect(publicSettings(settings)).not.toHaveProperty('metrics')
  })
})
