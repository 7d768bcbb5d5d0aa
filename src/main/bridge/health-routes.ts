/**
 * Probes on the bridge's loopback port, without a token: `GET /healthz` (the process answers),
 * `GET /readyz` (local stores take writes; Stamps' reachability reported beside it) and
 * `GET /metrics` (Prometheus text). Nothing here is forwarded upstream, unlike the Stamps `ping`,
 * so "bridge down" and "Stamps down" no longer look the same.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Readiness } from '../metrics/readiness'

export interface HealthSources {
  readiness(): Readiness
  scrape(): Promise<{ contentType: string; text: string }>
}

const json = (reply: FastifyReply, status: number, body: unknown): FastifyReply =>
  reply
    .code(status)
    .header('content-type', 'application/json')
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body))

/** Registers the three probes on `app` (the bridge, or the LAN metrics server's /metrics only). */
export function registerHealthRoutes(app: FastifyInstance, src: HealthSources): void {
  app.get('/healthz', (_req, reply) => json(reply, 200, { status: 'ok' }))
  app.get('/readyz', (_req, reply) => {
    const r = src.readiness()
    return json(reply, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r })
  })
  registerMetricsRoute(app, src)
}

export function registerMetricsRoute(app: FastifyInstance, src: Pick<HealthSources, 'scrape'>): void {
  app.get('/metrics', async (_req, reply) => {
    const { contentType, text } = await src.scrape()
    return reply.code(200).header('content-type', contentType).header('cache-control', 'no-store').send(text)
  })
}
