/**
 * `npm run serve`: the headless host from TypeScript (tsx), for development. It rebuilds the
 * renderer when its sources changed; `npm run start:host` runs the build instead (built-cli.ts).
 */
import { join } from 'node:path'
import { runHostCli } from './host-cli'
import { ensureRendererBuilt } from './renderer-build'

const projectDir = join(__dirname, '..', '..', '..')

runHostCli({
  command: 'npm run serve --',
  // Test runners build once up front; a rebuild under a running page would swap its assets.
  rendererDir: (log) =>
    process.env.STAMPS_KIOSK_SKIP_RENDERER_BUILD
      ? join(projectDir, 'out', 'renderer')
      : ensureRendererBuilt(projectDir, log)
})
