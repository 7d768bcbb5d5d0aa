/** A secret generated once and kept in a 0600 file of the data directory, so what it is part of survives restarts. */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Shorter than this, a kept token is not ours (a truncated write, a hand edit): a new one replaces it. */
const MIN_LENGTH = 16

/**
 * The token kept in `<dataDir>/<name>`, created on first use. The browser host's launch token
 * lives here: a kiosk opened on the printed `ui:` URL must find the same URL after a reboot.
 */
export function keptToken(dataDir: string, name: string): string {
  const file = join(dataDir, name)
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept.length >= MIN_LENGTH) return kept
  }
  const token = randomBytes(24).toString('base64url')
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return token
}
