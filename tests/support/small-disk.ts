/**
 * A real small disk for full-disk tests: a tmpfs of a few MB mounted on a temporary directory
 * (root with CAP_SYS_ADMIN, as on a developer's machine or a privileged CI runner). `fill()`
 * writes a filler file until the kernel answers ENOSPC; `free()` deletes it. Where mounting is
 * not permitted `mountSmallDisk` returns null and says why, and callers fall back.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  dir: string
  /** Writes until the disk is full (a real ENOSPC); returns the bytes written. */
  fill(): number
  /** Deletes the filler: the space is back. */
  free(): void
  remove(): void
}

/** Why the last mount failed, for the skip message. */
export let smallDiskUnavailable = ''

export function mountSmallDisk(sizeBytes = 8 * 1024 * 1024): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'small-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    smallDiskUnavailable = `cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`
    return null
  }
  const filler = join(dir, 'filler')
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a')
      let written = 0
      try {
        for (const size of [1024 * 1024, 4096, 1]) {
          const chunk = Buffer.alloc(size, 0x46)
          for (;;) {
            try {
              written += writeSync(fd, chunk)
            } catch (err) {
              if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
              break
            }
          }
        }
      } finally {
        closeSync(fd)
      }
      return written
    },
    free() {
      rmSync(filler, { force: true })
    },
    remove() {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}
