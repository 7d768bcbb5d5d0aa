/**
 * The embedded default: with no upstream configured, the app runs against its own sandbox in
 * process. The one module of main that imports src/server; everything else talks to it over HTTP.
 */
import { join } from 'node:path'
import { startSandboxServer } from '../../server/create-sandbox-server'

export interface EmbeddedSandbox {
  url: string
  close(): Promise<void>
}

/** Opens `<dataDir>/sandbox.sqlite` (seeded with the demo merchant) and listens on a free loopback port. */
export async function startEmbeddedSandbox(dataDir: string): Promise<EmbeddedSandbox> {
  const { url, close } = await startSandboxServer({ port: 0, dbPath: join(dataDir, 'sandbox.sqlite'), seed: 'demo' })
  return { url, close }
}
