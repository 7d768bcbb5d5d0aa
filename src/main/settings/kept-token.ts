/**
 * A token generated once and kept in the data directory (the bridge token), sealed like the
 * secrets in settings.json. A plaintext file from an older version is read and sealed in place.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../../platform/fs/private-files'
import { isSealed, type SecretSealer } from './secret-box'

/** The token in `<dataDir>/<name>`, or a new one written there; `generated` says which. */
export function keptToken(dataDir: string, name: string, sealer: SecretSealer): { token: string; generated: boolean } {
  const file = join(dataDir, name)
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim()
    const kept = isSealed(text) ? sealer.open(text, name) : text
    if (kept.length >= 16) {
      if (!isSealed(text)) writeFileAtomic(file, `${sealer.seal(kept, name)}\n`)
      return { token: kept, generated: false }
    }
  }
  const token = randomBytes(24).toString('base64url')
  writeFileAtomic(file, `${sealer.seal(token, name)}\n`)
  return { token, generated: true }
}
