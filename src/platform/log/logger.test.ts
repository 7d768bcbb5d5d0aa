/** The logger on a real data directory: JSON lines on disk, rolled by size and count, secrets never written. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from './logger'

const fresh = (): string => mkdtempSync(join(tmpdir(), 'log-test-'))
const lines = (dir: string): Array<Record<string, unknown>> =>
  readFileSync(join(dir, 'host.log'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('createLogger', () => {
  it('writes JSON lines to <dir>/host.log, 0600, at the configured level', () => {
    const dir = fresh()
    const log = createLogger({ level: 'warn', file: { dir } })
    log.logger.info('not at warn')
    log.logger.warn({ part: 'outbox' }, 'disk full')
    log.close()
    expect(lines(dir)).toEqual([expect.objectContaining({ level: 40, part: 'outbox', msg: 'disk full' })])
    expect(statSync(join(dir, 'host.log')).mode & 0o777).toBe(0o600)
  })

  it('rolls over by size and keeps a bounded number of files', () => {
    const dir = fresh()
    const log = createLogger({ file: { dir, maxBytes: 2_000, keep: 3 } })
    for (let i = 0; i < 500; i++) log.line(`sale ${i} posted with a line long enough to fill files quickly`)
    log.close()
    const files = readdirSync(dir).sort()
    expect(files).toEqual(['host.log', 'host.log.1', 'host.log.2', 'host.log.3'])
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(2_000)
    // The newest line is in the live file, and the rolled files hold the lines just before it.
    expect(lines(dir).at(-1)?.msg).toContain('sale 499 ')
    expect(readFileSync(join(dir, 'host.log.1'), 'utf8')).toMatch(/sale 4\d\d /)
  })

  it('never writes a key, token, PIN or ?token= URL: by field, by pattern and by known value', () => {
    const dir = fresh()
    const term = new PassThrough()
    let shown = ''
    term.on('data', (c: Buffer) => (shown += c.toString()))
    const bridgeToken = 'brg_9f8e7d6c5b4a39281706'
    const log = createLogger({ file: { dir }, terminal: { stream: term, pretty: true }, secrets: () => [bridgeToken] })
    log.logger.info({ credential: { key: 'merchant-key-123456' }, pin: '1111', token: 'abc' }, 'settings saved')
    log.line('ui (http://127.0.0.1:8766/?token=uitoken-abcdef123456) ready')
    log.line(`bridge refused a caller that sent ${bridgeToken} in a form field`)
    log.line('upstream answered 401 to Authorization: Token sk_live_1234567890')
    log.line('settings: {"pin":"4321","language":"en"}')
    log.close()
    const written = readFileSync(join(dir, 'host.log'), 'utf8') + shown
    for (const secret of [
      'merchant-key-123456',
      '1111',
      'uitoken-abcdef123456',
      bridgeToken,
      'sk_live_1234567890',
      '4321'
    ])
      expect(written, secret).not.toContain(secret)
    expect(written).toContain('[redacted]')
    // Only the secret goes: the words around it stay readable.
    expect(written).toContain('(http://127.0.0.1:8766/?token=[redacted]) ready')
    expect(written).toContain('"language":"en"')
    expect(shown).toContain('settings saved')
  })
})
