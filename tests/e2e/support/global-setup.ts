/** Builds the renderer (and main) when out/ is older than the sources: e2e must test this tree. */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newest(dir: string): number {
  let max = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return max
}

export default function globalSetup(): void {
  const built = join('out', 'renderer', 'index.html')
  const stale = !existsSync(built) || newest('src') > statSync(built).mtimeMs || newest(join('out', 'renderer')) < newest('src')
  if (stale) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' })
}
