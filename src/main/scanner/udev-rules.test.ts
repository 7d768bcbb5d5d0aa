import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UDEV_RULES_FILE, udevHint } from './udev-hint'

const root = join(import.meta.dirname, '../../..')
const rules = readFileSync(join(root, 'resources/udev', UDEV_RULES_FILE), 'utf8')
const lines = rules.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
const KEY = /^(KERNEL|SUBSYSTEM|ATTRS\{\w+\}|ENV\{\w+\}|MODE|GROUP|TAG)(==|=|\+=)"[^"]*"$/

describe('udev rules file', () => {
  it('is well-formed: key op "value" pairs, lower-case 4-digit hex ids', () => {
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) {
      for (const pair of line.split(/,\s*/)) expect(pair, line).toMatch(KEY)
      for (const [, id] of line.matchAll(/ATTRS\{id(?:Vendor|Product)\}=="([^"]*)"/g))
        expect(id, line).toMatch(/^[0-9a-f]{4}$/)
      // Every rule narrows to a subsystem and grants access; none opens every hidraw node.
      expect(line).toMatch(/SUBSYSTEM=="/)
      expect(line).toMatch(/MODE="0660"/)
      if (line.includes('hidraw')) expect(line).toMatch(/ATTRS\{idVendor\}/)
    }
  })
  it('grants hidraw and printer access', () => {
    expect(rules).toMatch(/SUBSYSTEM=="hidraw".*idVendor}=="0c2e"/)
    expect(rules).toMatch(/SUBSYSTEM=="usbmisc", KERNEL=="lp\[0-9\]\*".*GROUP="lp"/)
  })
  it('is the file the permission hint and docs/udev.md name', () => {
    const hint = udevHint({ vendorId: 0x05e0, productId: 0x1200, path: '/dev/hidraw2' }, 'linux')
    expect(hint).toContain(`resources/udev/${UDEV_RULES_FILE}`)
    expect(hint).toContain('05e0:1200')
    expect(readFileSync(join(root, 'docs/udev.md'), 'utf8')).toContain(`resources/udev/${UDEV_RULES_FILE}`)
    expect(udevHint(undefined, 'darwin')).toMatch(/Input Monitoring/)
  })
})
