import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { keptToken } from './kept-token'
import { keyFileSealer } from './secret-box'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => void (tmp = tempDir('kept-token-')))
afterEach(() => tmp.remove())

describe('keptToken', () => {
  it('generates a token once, keeps it private and gives the same one back', () => {
    const sealer = keyFileSealer(tmp.dir)
    const first = keptToken(tmp.dir, 'ui-token', sealer)
    expect(first).toMatchObject({ generated: true })
    expect(first.token.length).toBeGreaterThanOrEqual(16)
    expect(keptToken(tmp.dir, 'ui-token', sealer)).toEqual({ token: first.token, generated: false })
    expect(statSync(join(tmp.dir, 'ui-token')).mode & 0o077).toBe(0)
    // Sealed at rest: the file never holds the token in clear.
    expect(readFileSync(join(tmp.dir, 'ui-token'), 'utf8')).not.toContain(first.token)
  })

  it('replaces a kept file too short to be ours (a truncated write)', () => {
    const sealer = keyFileSealer(tmp.dir)
    writeFileSync(join(tmp.dir, 'ui-token'), 'short\n')
    const { token } = keptToken(tmp.dir, 'ui-token', sealer)
    expect(token).not.toBe('short')
    expect(keptToken(tmp.dir, 'ui-token', sealer).token).toBe(token)
  })
})
