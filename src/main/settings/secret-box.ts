/**
 * Secrets at rest (the merchant key, tokens): sealed before they are written, opened when read.
 *
 * Two sealers. The Electron shell injects the OS keyring (Electron's safeStorage), which binds
 * the secret to the user's login. Everywhere else (`npm run serve`, or a Linux desktop whose
 * keyring is only Chromium's hard-coded "basic" password) AES-256-GCM with a random key kept in
 * `<data dir>/secrets.key` (0600). That key sits next to the file it protects: it keeps the key
 * out of a copied settings.json, a backup or a pasted support log, not from the user itself.
 * The field name is authenticated with each secret, so a secret moved to another field fails too.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { tightenFile } from '../../platform/fs/private-files'
import { SettingsError } from './settings-schema'

/** Seals and opens one secret; `field` names it in errors and is bound to the ciphertext. */
export interface SecretSealer {
  seal(plain: string, field: string): string
  /** Throws a SettingsError naming `field` when the text cannot be opened (changed, or another key). */
  open(sealed: string, field: string): string
}

/** Electron's safeStorage, as much of it as the keyring sealer uses (main/index.ts passes the real one). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
  getSelectedStorageBackend?(): string
}

const PREFIX = 'sealed:v1:'
export const KEY_FILE = 'secrets.key'

/** True for a value written by a sealer; anything else is a plaintext secret from an older version. */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX)

const refuse = (field: string, message: string): SettingsError => new SettingsError([{ field, message }])

/** Splits `sealed:v1:<kind>:<data>`. */
function partsOf(sealed: string, field: string): { kind: string; data: string } {
  const rest = sealed.slice(PREFIX.length)
  const at = rest.indexOf(':')
  if (at < 0) throw refuse(field, 'the sealed value is malformed: enter it again')
  return { kind: rest.slice(0, at), data: rest.slice(at + 1) }
}

/** AES-256-GCM with a key file in `dataDir`, created on the first seal. */
export function keyFileSealer(dataDir: string): SecretSealer {
  const file = join(dataDir, KEY_FILE)
  let key: Buffer | undefined
  const load = (field: string, create: boolean): Buffer => {
    if (key) return key
    if (!existsSync(file)) {
      if (!create) throw refuse(field, `it was sealed with ${file}, which is missing: enter it again`)
      key = createKeyFile(file)
      return key
    }
    tightenFile(file)
    const bytes = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (bytes.length !== 32)
      throw refuse(field, `${file} is not a key file (32 bytes, base64): restore it or enter it again`)
    key = bytes
    return key
  }
  return {
    seal(plain, field) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', load(field, true), iv).setAAD(Buffer.from(field))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${PREFIX}file:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
    },
    open(sealed, field) {
      const { kind, data } = partsOf(sealed, field)
      if (kind === 'keyring')
        throw refuse(field, 'it was sealed with the desktop keyring: start the desktop app, or enter it again')
      if (kind !== 'file') throw refuse(field, `unknown sealing "${kind}": enter it again`)
      const bytes = Buffer.from(data, 'base64url')
      if (bytes.length < 28) throw refuse(field, 'the sealed value is truncated: enter it again')
      try {
        const decipher = createDecipheriv('aes-256-gcm', load(field, false), bytes.subarray(0, 12))
        decipher.setAAD(Buffer.from(field)).setAuthTag(bytes.subarray(12, 28))
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
      } catch (err) {
        if (err instanceof SettingsError) throw err
        throw refuse(
          field,
          `cannot be decrypted with ${file} (the value was changed, or the key file is not the one it was sealed with): enter it again`
        )
      }
    }
  }
}

/** Writes a new random key with mode 0600; `wx` keeps a key another process wrote first. */
function createKeyFile(file: string): Buffer {
  const key = randomBytes(32)
  let fd: number
  try {
    fd = openSync(file, 'wx', 0o600)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    throw err
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return key
}

/**
 * The OS keyring through Electron's safeStorage when it really encrypts; the key file otherwise.
 * Values sealed by the key file (an older start, the headless host) still open.
 */
export function keyringSealer(storage: SafeStorageLike, fallback: SecretSealer): SecretSealer {
  // On Linux without a keyring, safeStorage "encrypts" with a password compiled into Chromium.
  const weak = storage.getSelectedStorageBackend?.() === 'basic_text'
  if (!storage.isEncryptionAvailable() || weak) return fallback
  return {
    seal: (plain, field) =>
      `${PREFIX}keyring:${storage.encryptString(JSON.stringify([field, plain])).toString('base64url')}`,
    open(sealed, field) {
      const { kind, data } = partsOf(sealed, field)
      if (kind !== 'keyring') return fallback.open(sealed, field)
      let pair: unknown
      try {
        pair = JSON.parse(storage.decryptString(Buffer.from(data, 'base64url')))
      } catch {
        throw refuse(
          field,
          "cannot be decrypted with this login's keyring (changed, or sealed by another user): enter it again"
        )
      }
      if (!Array.isArray(pair) || pair[0] !== field || typeof pair[1] !== 'string')
        throw refuse(field, 'the sealed value belongs to another field: enter it again')
      return pair[1]
    }
  }
}
