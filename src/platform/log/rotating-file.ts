/** A log file that rolls over by size: `host.log`, then `host.log.1` ... `host.log.<keep>`, the oldest dropped. */
import { closeSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'

export interface RotatingFileOptions {
  /** The live file; rolled copies get `.1` (newest) to `.<keep>` (oldest). */
  path: string
  /** Roll over once the live file would pass this size (default 5 MiB). */
  maxBytes?: number
  /** Rolled files kept besides the live one (default 5). */
  keep?: number
}

/**
 * Synchronous on purpose: a log line is on disk before the next statement runs, so a crash or a
 * kill leaves the lines that led to it. A write that fails (disk full) is counted, never thrown:
 * logging must not take the host down.
 */
export class RotatingFile {
  /** Lines lost to write errors since start (reported on the next line that gets through). */
  dropped = 0
  private fd: number
  private size: number
  private readonly maxBytes: number
  private readonly keep: number

  constructor(private readonly options: RotatingFileOptions) {
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024
    this.keep = options.keep ?? 5
    this.fd = openSync(options.path, 'a', 0o600)
    this.size = fstatSync(this.fd).size
  }

  /** pino's destination interface: one serialised line per call. */
  write(line: string): boolean {
    try {
      const bytes = Buffer.byteLength(line)
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.roll()
      if (this.dropped > 0) {
        const note = `{"level":40,"time":${Date.now()},"msg":"log: ${this.dropped} line(s) lost to write errors"}\n`
        this.size += writeSync(this.fd, note)
        this.dropped = 0
      }
      this.size += writeSync(this.fd, line)
    } catch {
      this.dropped++
    }
    return true
  }

  close(): void {
    closeSync(this.fd)
  }

  private roll(): void {
    closeSync(this.fd)
    const { path } = this.options
    rmSync(`${path}.${this.keep}`, { force: true })
    for (let i = this.keep - 1; i >= 1; i--) {
      try {
        renameSync(`${path}.${i}`, `${path}.${i + 1}`)
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(path, `${path}.1`)
    this.fd = openSync(path, 'a', 0o600)
    this.size = 0
  }
}
