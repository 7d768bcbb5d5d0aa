/** Token-guarded POST routes (test hooks such as /test/hid-report): the bearer token is checked before any body. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { PageGate } from './page-gate'
import { refuse, wrongMethod } from './refusals'

/** A token-guarded POST route (used by the host for test-only hooks such as `/test/hid-report`). */
export type UiPostRoute = (body: unknown) => Promise<{ status: number; body: unknown }>

/**
 * Serves `routes` (exact paths) on POST with a JSON body of at most `maxBytes`; a POST anywhere
 * else is 405, and one without `Authorization: Bearer <token>` is 401 before its body is read.
 */
export function registerPostRoutes(
  app: FastifyInstance,
  routes: Record<string, UiPostRoute>,
  gate: PageGate,
  maxBytes: number
): void {
  const table = new Map(Object.entries(routes))
  const routeOf = (req: FastifyRequest): UiPostRoute | undefined => table.get(gate.urlOf(req.url).pathname)

  // Bodies arrive as bytes whatever their Content-Type; the handler decodes them after the token check.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  app.route<{ Body: Buffer | undefined }>({
    method: 'POST',
    url: '*',
    bodyLimit: maxBytes,
    // onRequest runs before Fastify reads the body: an unknown path or a missing token reads none of it.
    onRequest: async (req, reply) => {
      if (!routeOf(req)) return wrongMethod(reply)
      const auth = req.headers.authorization ?? ''
      if (!gate.tokenOk(auth.startsWith('Bearer ') ? auth.slice(7) : undefined))
        return refuse(reply, 401, 'Refused: this endpoint needs the launch token.')
    },
    handler: async (req, reply) => {
      const route = routeOf(req)
      if (!route) return wrongMethod(reply)
      let body: unknown
      try {
        body = JSON.parse(req.body?.toString('utf8') || '{}')
      } catch {
        return refuse(reply, 400, 'Refused: body is not JSON.')
      }
      const out = await route(body)
      // Bytes, so that Fastify keeps the Content-Type as given (a string would gain a charset).
      return reply
        .code(out.status)
        .type('application/json')
        .send(Buffer.from(JSON.stringify(out.body)))
    }
  })
}
