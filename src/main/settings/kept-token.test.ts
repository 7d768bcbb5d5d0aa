import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-files'
import { keptToken } from './kept-token'

let tmp: ReturnType<typeof tempDir>
beforeEach(() => void (tmp = tempDir('kept-token-')))
afterEach(() => tmp.remove())

describe('keptToken', () => {
  it('generates a token once, keeps it private and gives the same one back', () => {
    const first = keptToken(tmp.dir, 'ui-token')
    expect(first.length).toBeGreaterThanOrEqual(16)
    expect(keptToken(tmp.dir, 'ui-token')).toBe(first)
    expect(statSync(join(tmp.dir, 'ui-token')).mode & 0o077).toBe(0)
  })

  it('replaces a kept file too short to be ours (a truncated write)', () => {
    writeFileSync(join(tmp.dir, 'ui-token'), 'short\n')
    const token = keptToken(tmp.dir, 'ui-token')
    expect(token).not.toBe('short')
    expect(readFileSync(join(tmp.dir, 'ui-token'), 'utf8').trim()).toBe(token)
  })
})
