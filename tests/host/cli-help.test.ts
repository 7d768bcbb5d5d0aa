/**
 * `--help` on every command line: the host, the sandbox and the printer emulator each print every
 * flag their parser takes, with its default, and exit 0 without starting or touching any file.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSettings } from '../../src/main/settings/settings-schema'
import { HOST_FLAGS } from '../../src/main/settings/settings-sources'
import { tempDir } from '../support/temp-files'

const root = join(__dirname, '..', '..')

function help(file: string, args: string[] = ['--help'], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, file), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ...env }
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** The help line of one flag: `--name <value>   text (default: D)`. */
const defaultOf = (text: string, flag: string): string | undefined =>
  new RegExp(`^  --${flag}\\b.*\\(default: (.+)\\)$`, 'm').exec(text)?.[1]

describe('--help', () => {
  it('the host lists each of its flags with the default the settings schema gives, and starts nothing', () => {
    const tmp = tempDir('cli-help-')
    const dataDir = join(tmp.dir, 'never-made')
    try {
      const run = help('src/main/host/cli.ts', ['--ui-port', '1', '-h'], { STAMPS_KIOSK_DATA_DIR: dataDir })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const d = parseSettings({})
      for (const flag of Object.keys(HOST_FLAGS)) expect(defaultOf(run.stdout, flag), flag).toBeDefined()
      expect(defaultOf(run.stdout, 'bridge-port')).toBe(String(d.bridge.port))
      expect(defaultOf(run.stdout, 'ui-port')).toBe(String(d.ui.port))
      expect(defaultOf(run.stdout, 'store')).toBe(String(d.store))
      expect(defaultOf(run.stdout, 'mode')).toBe('kiosk')
      expect(run.stdout).toMatch(/^ {2}STAMPS_KIOSK_KEY /m)
      expect(existsSync(dataDir)).toBe(false)
    } finally {
      tmp.remove()
    }
  })

  it('the sandbox lists --port 8000, --host, --db, --seed, --require-https and --max-connections 512', () => {
    const run = help('src/server/cli.ts')
    expect(run.status).toBe(0)
    expect(defaultOf(run.stdout, 'port')).toBe('8000')
    expect(defaultOf(run.stdout, 'host')).toBe('127.0.0.1')
    expect(defaultOf(run.stdout, 'db')).toBe('none, required')
    expect(defaultOf(run.stdout, 'seed')).toBe('no seed')
    expect(defaultOf(run.stdout, 'require-https')).toBe('off')
    expect(defaultOf(run.stdout, 'max-connections')).toBe('512')
    expect(run.stdout).not.toMatch(/^sandbox: http/m)
  })

  it('the printer emulator lists its five flags and listens on nothing', () => {
    const run = help('src/main/printer/emulator-cli.ts', ['--port', '0', '--help'])
    expect(run.status).toBe(0)
    expect(defaultOf(run.stdout, 'port')).toBe('9100')
    expect(defaultOf(run.stdout, 'paper-out')).toBe('off')
    expect(defaultOf(run.stdout, 'offline')).toBe('off')
    expect(defaultOf(run.stdout, 'save')).toBe('not saved')
    expect(defaultOf(run.stdout, 'columns')).toBe('48')
    expect(run.stdout).not.toMatch(/printer emulator: tcp/)
  })

  it('a wrong flag still fails, naming --help', () => {
    const run = help('src/server/cli.ts', ['--port', 'x', '--db', '/nonexistent/x.db'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--help lists every flag/)
  })
})
