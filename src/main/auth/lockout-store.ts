/**
 * Where the PIN lockout lives between restarts: a small 0600 JSON file in the data directory,
 * replaced atomically, so pulling the plug never clears a lockout or a count of wrong PINs.
 *
 * Why a JSON file and not SQLite: src/platform has no shared SQLite opener (the openers sit in
 * src/server/db, which main may not import, and in the outbox, which is being rewritten), and
 * three numbers do not earn a database with WAL files and a start-up integrity check. One
 * fsynced write-then-rename is as durable as a SQLite commit and can never be half written.
 */
import { open, rename } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

/** Wrong PINs since the last lockout, lockouts since the last right PIN, and the deadline. */
export interface LockoutState {
  failures: number
  lockouts: number
  /** Epoch ms until which every unlock is refused; 0 when not locked. */
  lockedUntil: number
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockouts: 0, lockedUntil: 0 }

export interface LockoutStore {
  load(): LockoutState
  /** Resolves once the state is on disk (or rejects: the caller decides what that means). */
  save(state: LockoutState): Promise<void>
}

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const fileSchema = z.object({ v: z.literal(1), failures: count, lockouts: count, lockedUntil: count }).strict()

/** Kept in memory only: for tests of the ladder itself. */
export function memoryLockoutStore(initial: LockoutState = NO_LOCKOUT): LockoutStore & { saved: LockoutState } {
  const store = {
    saved: initial,
    load: () => store.saved,
    save: (state: LockoutState) => {
      store.saved = state
      return Promise.resolve()
    }
  }
  return store
}

/**
 * The lockout file at `path`. A missing file is a fresh till. An unreadable one is logged and
 * read as a fresh till too: whoever can corrupt the file can delete it, so refusing to start
 * (or locking the till for an hour) would only punish the honest cashier.
 */
export function lockoutFileStore(path: string, log: (line: string) => void = () => {}): LockoutStore {
  return {
    load() {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log(`pin lockout: cannot read ${path}: ${String(err)}`)
        return NO_LOCKOUT
      }
      try {
        const { failures, lockouts, lockedUntil } = fileSchema.parse(JSON.parse(text))
        return { failures, lockouts, lockedUntil }
      } catch {
        log(`pin lockout: ${path} is not a lockout file; starting with no lockout`)
        return NO_LOCKOUT
      }
    },
    async save(state) {
      const tmp = `${path}.tmp`
      const file = await open(tmp, 'w', 0o600)
      try {
        // open's mode only applies to a new file: a leftover .tmp keeps its own otherwise
        await file.chmod(0o600)
        await file.writeFile(JSON.stringify({ v: 1, ...state }))
        await file.sync()
      } finally {
        await file.close()
      }
      await rename(tmp, path)
      // the rename itself must reach the disk, or a power cut could bring the old file back
      const dir = await open(dirname(path), 'r')
      try {
        await dir.sync()
      } finally {
        await dir.close()
      }
    }
  }
}
