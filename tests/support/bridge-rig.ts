/** Test wiring for the bridge: real sandbox, fault proxy, Stamps client, outbox, file printer. */
import { startFaultProxy, type FaultProxy } from './fault-proxy'
import { DEMO, startTestSandbox, type TestSandbox } from './sandbox'
import { tempDir } from './temp-files'
import { Outbox } from '../../src/main/outbox'
import { PrinterService } from '../../src/main/printer'
import { SaleService } from '../../src/main/sales/sale-service'
import { CircuitBreaker, StampsClient, type BreakerOptions } from '../../src/main/stamps'
import { startBridge, type Bridge } from '../../src/main/bridge/bridge-server'
import type { SocketLimits } from '../../src/platform/http/socket-limits'

export const BRIDGE_TOKEN = 'bridge-token-for-tests-0123456789'

export interface BridgeRig {
  sandbox: TestSandbox
  proxy: FaultProxy
  breaker: CircuitBreaker
  outbox: Outbox
  printer: PrinterService
  bridge: Bridge
  sales: SaleService
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  get(path: string, headers?: Record<string, string>): Promise<Response>
  stop(): Promise<void>
}

export interface BridgeRigOptions {
  saleWaitMs?: number
  timeoutMs?: number
  limits?: Partial<SocketLimits>
  /** The client's circuit breaker, wired as the host wires it (a short open period by default). */
  breaker?: BreakerOptions
}

export async function startBridgeRig(opts: BridgeRigOptions = {}): Promise<BridgeRig> {
  const tmp = tempDir('bridge-')
  const sandbox = await startTestSandbox()
  const proxy = await startFaultProxy({ port: sandbox.port })
  const breaker = new CircuitBreaker({ openMs: 300, ...opts.breaker })
  const client = new StampsClient(
    {
      baseUrl: proxy.url,
      credential: { kind: 'token', key: DEMO.key },
      timeoutMs: opts.timeoutMs ?? 2_000,
      retry: { maxAttempts: 1, baseMs: 0, capMs: 0 },
      reconcileSettleMs: 50
    },
    { breaker }
  )
  const outbox = new Outbox({
    dbPath: tmp.file('outbox.sqlite'),
    client,
    merchantId: DEMO.merchantId,
    backoff: { baseMs: 50, capMs: 200 }
  })
  outbox.start()
  // As outbox.setup.ts: the upstream is back, the queue drains now.
  breaker.on('change', (state) => state === 'closed' && outbox.retryNow())
  const printer = new PrinterService({ spec: `file:${tmp.file('receipts')}`, dataDir: tmp.dir })
  printer.start()
  const sales = new SaleService({
    outbox,
    printer,
    memberFigures: async () => ({ level: null, balance: null }),
    receiptContext: () => ({ merchantName: 'Demo Coffee' }),
    upstream: breaker
  })
  const bridge = await startBridge({
    port: 0,
    token: BRIDGE_TOKEN,
    merchantId: DEMO.merchantId,
    sales,
    client,
    saleWaitMs: opts.saleWaitMs ?? 1_500,
    ...(opts.limits && { limits: opts.limits })
  })
  const auth = { authorization: `Token ${BRIDGE_TOKEN}` }
  return {
    sandbox,
    proxy,
    breaker,
    outbox,
    printer,
    bridge,
    sales,
    post: (path, body, headers = auth) =>
      fetch(`${bridge.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body)
      }),
    get: (path, headers = auth) => fetch(`${bridge.url}${path}`, { headers }),
    async stop() {
      await bridge.close()
      await outbox.close()
      await printer.close()
      client.close()
      await proxy.close()
      await sandbox.stop()
      tmp.remove()
    }
  }
}
