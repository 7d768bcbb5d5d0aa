/** Which failures mean the disk itself (full, or failing), whatever wrote: SQLite, fs, a stream. */

/** 'full': no space or quota left; 'failing': the device refuses writes (I/O error, read-only). */
export type DiskFault = 'full' | 'failing'

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG'])
const FAILING = new Set(['EIO', 'EROFS'])

/** The disk fault behind `err` (looking through `cause`), or null when the disk is not to blame. */
export function diskFault(err: unknown): DiskFault | null {
  let e: unknown = err
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') {
      if (FULL.has(code)) return 'full'
      if (FAILING.has(code) || code.startsWith('SQLITE_IOERR')) return 'failing'
    }
    e = (e as { cause?: unknown }).cause
  }
  return null
}
