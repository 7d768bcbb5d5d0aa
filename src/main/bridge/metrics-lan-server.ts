/**
 * `/metrics` on a LAN address for the fleet's Prometheus (settings `metrics.listen`), and nothing
 * else there: every request needs `Authorization: Bearer <metrics token>`, the bridge's own
 * probes stay on loopback.
 */
import { createHttpApp, listen, type Listening } from '../../platform/http/create-http-app'
import { sameToken } from './bridge-auth'
import { registerMetricsRoute, type HealthSources } from './health-routes'

export interface MetricsLanOptions {
  /** `address:port`, `[v6]:port`. */
  listen: string
  token: string
  scrape: HealthSources['scrape']
  log?: (line: string) => void
}

export async function startMetricsLanServer(opts: MetricsLanOptions): Promise<Listening> {
  const at = opts.listen.lastIndexOf(':')
  const host = opts.listen.slice(0, at).replace(/^\[|\]$/g, '')
  const port = Number(opts.listen.slice(at + 1))
  // Scrapes are small GETs: a tight body limit and the house socket limits.
  const app = createHttpApp({ name: 'metrics', bodyLimit: 1024, ...(opts.log && { log: opts.log }) })
  app.addHook('onRequest', (req, reply, done) => {
    const auth = req.headers.authorization ?? ''
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined
    if (sameToken(given, opts.token)) return done()
    void reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="stamps-kiosk metrics"')
      .header('content-type', 'text/plain; charset=utf-8')
      .send('a bearer token is required\n')
  })
  registerMetricsRoute(app, { scrape: opts.scrape })
  return listen(app, port, host)
}
