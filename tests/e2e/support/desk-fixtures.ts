/**
 * Cashier-desk fixtures on top of the kiosk harness: the host in `--mode cashier`, optionally
 * in front of a sandbox the test owns behind a fault proxy (to take the upstream away), and the
 * desk's page model. Oracles read the sandbox's own records, never the screen.
 */
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from '../../support/sandbox'
import { test as base } from './fixtures'
import { DeskPage } from './pages/DeskPage'

interface DeskOptions {
  /** `proxied`: a test-owned sandbox behind a fault proxy instead of the embedded one. */
  upstreamKind: 'embedded' | 'proxied'
}

interface DeskFixtures {
  sandbox: TestSandbox | null
  faultProxy: FaultProxy | null
  desk: DeskPage
}

export const test = base.extend<DeskOptions & DeskFixtures>({
  upstreamKind: ['embedded', { option: true }],
  sandbox: async ({ upstreamKind }, use) => {
    if (upstreamKind === 'embedded') return use(null)
    const sandbox = await startTestSandbox()
    await use(sandbox)
    await sandbox.stop()
  },
  faultProxy: async ({ sandbox }, use) => {
    if (!sandbox) return use(null)
    const proxy = await startFaultProxy({ port: Number(new URL(sandbox.url).port) })
    await use(proxy)
    await proxy.close()
  },
  hostExtraArgs: async ({ hostArgs, faultProxy: proxy }, use) =>
    use([...hostArgs, '--mode', 'cashier', ...(proxy ? ['--upstream', proxy.url] : [])]),
  // The key goes in the environment: the host refuses it on a command line.
  hostEnv: async ({ faultProxy: proxy }, use) => use(proxy ? { STAMPS_KIOSK_KEY: DEMO.key } : {}),
  desk: async ({ kioskPage }, use) => {
    const desk = new DeskPage(kioskPage)
    await desk.waitReady()
    await use(desk)
  }
})

export { expect } from './fixtures'
export { DEMO }
