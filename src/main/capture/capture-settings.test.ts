import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsError } from '../settings/settings-schema'
import { loadSettings } from '../settings/settings-store'

describe('capture settings', () => {
  const dirs: string[] = []
  const fresh = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'capture-settings-'))
    dirs.push(d)
    return d
  }
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('is off by default, on loopback once a port is given, on a LAN address by choice', () => {
    const dir = fresh()
    expect(loadSettings(['--data-dir', dir], {}).settings.capture).toMatchObject({
      port: null,
      host: '127.0.0.1',
      noMember: 'open',
      templates: []
    })
    expect(loadSettings(['--data-dir', dir, '--capture-port', '9100'], {}).settings.capture).toMatchObject({
      port: 9100,
      host: '127.0.0.1'
    })
    const env = { STAMPS_KIOSK_CAPTURE_HOST: '192.168.1.20' }
    expect(loadSettings(['--data-dir', dir, '--capture-port', '9100'], env).settings.capture.host).toBe('192.168.1.20')
  })

  it('refuses a bad port, a host name, and a template that cannot be read', () => {
    const dir = fresh()
    expect(() => loadSettings(['--data-dir', dir, '--capture-port', 'x'], {})).toThrow(SettingsError)
    expect(() => loadSettings(['--data-dir', dir, '--capture-host', 'printer.local'], {})).toThrow(/capture\.host/)
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ capture: { templates: [{ name: 'x', invoice: { anchors: ['No'] }, total: { pattern: '(' } }] } })
    )
    expect(() => loadSettings(['--data-dir', dir], {})).toThrow(/not a valid regular expression/)
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        capture: { templates: [{ name: 'x', invoice: { anchors: ['No'] }, total: { pattern: 'Rp' } }] }
      })
    )
    expect(() => loadSettings(['--data-dir', dir], {})).toThrow(/needs a group/)
  })
})
