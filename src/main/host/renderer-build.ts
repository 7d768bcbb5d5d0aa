/** Makes sure the built renderer exists and is newer than its sources before the host serves it. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Runs `electron-vite build` when out/renderer is missing or older than src/renderer or src/shared. */
export function ensureRendererBuilt(projectDir: string, log: (line: string) => void): string {
  const outDir = join(projectDir, 'out', 'renderer')
  const index = join(outDir, 'index.html')
  const sources = ['src/renderer', 'src/shared'].map((d) => join(projectDir, d)).filter(existsSync)
  const stale = !existsSync(index) || sources.some((d) => newestMtime(d) > statSync(index).mtimeMs)
  if (stale) {
    log('building the renderer (out/renderer is missing or older than its sources)...')
    const bin = join(projectDir, 'node_modules', '.bin', 'electron-vite')
    const result = spawnSync(bin, ['build', '--logLevel', 'warn'], {
      cwd: projectDir,
      stdio: ['ignore', 'ignore', 'inherit']
    })
    if (result.status !== 0 || !existsSync(index))
      throw new Error('electron-vite build failed; run `npm run build` to see why')
  }
  return outDir
}
