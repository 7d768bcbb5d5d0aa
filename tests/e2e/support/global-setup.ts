/** Builds the renderer when out/ is older than its sources: e2e must test this tree. */
import { ensureRendererBuilt } from '../../../src/main/host/renderer-build'

export default function globalSetup(): void {
  ensureRendererBuilt(process.cwd(), (line) => console.log(line))
}
