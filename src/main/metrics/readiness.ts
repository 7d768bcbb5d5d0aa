/**
 * `GET /readyz`: the till can take sales when its local stores open and take writes and its data
 * directory is writable. Whether Stamps answers is reported beside that, not part of it: a till
 * without Stamps still takes sales (they queue).
 */
import { accessSync, constants, statfsSync } from 'node:fs'
import { join } from 'node:path'
import { probeWritable } from '../../platform/sqlite/probe-writable'

export interface Readiness {
  ready: boolean
  /** Each SQLite file the host keeps: 'ok' or why it cannot take a write. */
  stores: Record<string, string>
  dataDir: string
  upstream: { reachable: boolean; embedded: boolean; checkedAt: number | null }
}

export interface ReadinessSources {
  dataDir: string
  /** Store name to file name in the data directory (outbox: outbox.sqlite). */
  stores: Record<string, string>
  upstream(): Readiness['upstream']
}

export function checkReadiness(src: ReadinessSources): Readiness {
  const stores = Object.fromEntries(
    Object.entries(src.stores).map(([name, file]) => [name, probeWritable(join(src.dataDir, file))])
  )
  let dataDir = 'ok'
  try {
    accessSync(src.dataDir, constants.W_OK)
  } catch (err) {
    dataDir = (err as Error).message
  }
  const ready = dataDir === 'ok' && Object.values(stores).every((s) => s === 'ok')
  return { ready, stores, dataDir, upstream: src.upstream() }
}

/** Free bytes this user may use on the file system holding `dir`. */
export function diskFreeBytes(dir: string): number {
  const s = statfsSync(dir)
  return s.bavail * s.bsize
}
