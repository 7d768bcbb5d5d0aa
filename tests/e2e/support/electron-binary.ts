/**
 * Finds the Electron binary the way the `electron` package does, without its download:
 * requiring 'electron' would fetch the binary on first use, which must never happen in a test run.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** The executable path, or null with the reason it is unavailable. */
export function electronBinary(): { path: string } | { path: null; reason: string } {
  let pkgDir: string
  try {
    pkgDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { path: null, reason: 'the electron package is not installed' }
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = join(pkgDir, 'path.txt')
  if (!override && !existsSync(pathFile)) {
    return {
      path: null,
      reason: `the Electron binary was never downloaded (${pathFile} is missing; this machine cannot fetch it)`
    }
  }
  const exe = override
    ? join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
    : join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? { path: exe } : { path: null, reason: `the Electron binary is missing at ${exe}` }
}
