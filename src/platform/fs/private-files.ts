/**
 * Files only the kiosk's own user may read: the data directory holds the merchant key, tokens,
 * the sandbox's JWT secret and members' emails, so it is 0700 and everything in it 0600.
 */
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { dirname, join } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600
/** Permission bits that let another user (group or other) in. */
const SHARED_BITS = 0o077

/** Creates `dir` (and its parents) private; an existing one readable by others is tightened to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if ((statSync(dir).mode & SHARED_BITS) === 0) return
  try {
    chmodSync(dir, PRIVATE_DIR_MODE)
  } catch (err) {
    throw new Error(
      `${dir} is readable by other users and cannot be made private (${(err as Error).message}): choose a data directory of your own`,
      { cause: err }
    )
  }
}

/**
 * Makes a SQLite database private right after it is opened (SQLite creates it 0644). Its -wal,
 * -shm and -journal files are created later with the database's mode, so they follow; any left
 * from an older version are tightened here. `:memory:` and temporary databases are skipped.
 */
export function privateDatabase(file: string): void {
  if (file === '' || file === ':memory:') return
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) tightenFile(path)
}

/** Sets an existing file readable by others to 0600; a missing file is left missing. */
export function tightenFile(file: string): void {
  let mode: number
  try {
    mode = statSync(file).mode
  } catch {
    return
  }
  if ((mode & SHARED_BITS) !== 0) chmodSync(file, PRIVATE_FILE_MODE)
}

/**
 * Tightens what an older version left readable in `dir`: its files to 0600, and the listed
 * subdirectories (with everything in them) to 0700/0600. Other subdirectories are not entered
 * (a data directory may be a folder with other things in it), and symbolic links are not followed.
 */
export function tightenTree(dir: string, subdirs: readonly string[] = []): number {
  let changed = 0
  const chmodIfShared = (path: string, mode: number): void => {
    if ((lstatSync(path).mode & SHARED_BITS) === 0) return
    chmodSync(path, mode)
    changed++
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isFile()) chmodIfShared(path, PRIVATE_FILE_MODE)
    else if (entry.isDirectory() && subdirs.includes(entry.name)) {
      chmodIfShared(path, PRIVATE_DIR_MODE)
      changed += tightenTree(path, readdirSync(path))
    }
  }
  return changed
}

/**
 * Replaces `file` atomically and durably: a private temporary file is written and fsynced, renamed
 * over the old one, and the directory is fsynced, so a power cut leaves the old file or the new
 * one, never half of either.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp`
  const fd = openSync(tmp, 'w', PRIVATE_FILE_MODE)
  try {
    try {
      // A temporary file left by a crash keeps its old mode: set it before any secret goes in.
      fchmodSync(fd, PRIVATE_FILE_MODE)
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let written = 0
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, file)
  } catch (err) {
    // A full disk: the old file stands, and the half-written one gives its space back.
    rmSync(tmp, { force: true })
    throw err
  }
  const dirFd = openSync(dirname(file), 'r')
  try {
    fsyncSync(dirFd)
  } finally {
    closeSync(dirFd)
  }
}
