/**
 * The upstream: the configured Stamps server, or the embedded sandbox when none is set, and the
 * one Stamps client every domain calls it through. Also learns the merchant's name (ping).
 */
import { DEMO_KEYS } from '../../shared/stamps/demo'
import { CircuitBreaker, StampsClient } from '../stamps'
import { startEmbeddedSandbox } from './embedded-sandbox'
import type { UpstreamRequest } from '../metrics/metrics-feed'
import type { HostContext } from './host-context'

export interface Upstream {
  client: StampsClient
  /** The embedded sandbox's URL; null when a real upstream is configured. */
  embeddedUrl: string | null
  /** The merchant's own keys the bridge accepts besides its token. */
  merchantKeys: string[]
  /** The merchant's name from Stamps' ping ('Stamps' until it answers). */
  merchantName(): string
  /** Settles when the first ping has answered or failed. */
  named: Promise<void>
  /** Tells `listener` of every request the client sends (its endpoint, answer and duration). */
  observeRequests(listener: (request: UpstreamRequest) => void): void
}

export async function setupUpstream(ctx: HostContext): Promise<Upstream> {
  const { settings } = ctx
  const sandbox = settings.upstream === null ? await startEmbeddedSandbox(ctx.dataDir) : null
  if (sandbox) ctx.onClose(() => sandbox.close())
  const observers = new Set<(request: UpstreamRequest) => void>()
  // One breaker for the one client: a sale, a lookup and the status probe all learn at once
  // that the upstream is down, and the status bar says what the breaker says.
  const client = new StampsClient(
    {
      baseUrl: settings.upstream ?? sandbox!.url,
      credential: settings.credential,
      timeoutMs: settings.requestTimeoutMs
    },
    {
      breaker: new CircuitBreaker(),
      onRequest: (r) => {
        ctx.metrics.upstreamRequest(r)
        observers.forEach((o) => o(r))
      }
    }
  )
  ctx.onClose(() => client.close())
  let merchantName = 'Stamps'
  const named = client.ping().then(
    (p) => void (merchantName = p.pong.merchant),
    () => undefined
  )
  return {
    client,
    embeddedUrl: sandbox?.url ?? null,
    // The embedded sandbox answers to both keys printed in the documents, so their cURL lines
    // work verbatim at the bridge too.
    merchantKeys: [settings.credential.key, ...(sandbox ? [DEMO_KEYS.coffee, DEMO_KEYS.coffeeCurl] : [])],
    merchantName: () => merchantName,
    named,
    observeRequests: (listener) => void observers.add(listener)
  }
}
