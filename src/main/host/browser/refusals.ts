/** The answers around the routes: a foreign Host, a method we do not serve, a URL Fastify cannot route, a failure. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { PageGate } from './page-gate'

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>

/** A plain-text refusal (the security headers are already on the response: see PageGate.stamp). */
export function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(`${message}\n`)
}

const foreignHost = (reply: FastifyReply): FastifyReply => refuse(reply, 421, 'Refused: unexpected Host header.')
/** 405: a method (or a POST path) this server does not serve. */
export const wrongMethod = (reply: FastifyReply): FastifyReply => refuse(reply, 405, 'Refused: method not allowed.')

function failed(reply: FastifyReply, err: Error, log: (msg: string) => void): FastifyReply {
  log(`ui-server: ${err.message}`)
  return refuse(reply, 500, 'Internal error.')
}

const SERVED = new Set(['GET', 'HEAD', 'POST'])

/** Host check before anything else, 405 for what no route serves, refusals for Fastify's own errors. */
export function installRefusals(app: FastifyInstance, gate: PageGate, log: (msg: string) => void): void {
  // onRequest runs before Fastify reads a body: a PUT or DELETE is refused without reading one.
  app.addHook('onRequest', async (req, reply) => {
    if (!gate.hostOk(req.headers.host)) return foreignHost(reply)
    if (!SERVED.has(req.method)) {
      gate.urlOf(req.url) // a target that is not a URL is an error, as on every other path
      return wrongMethod(reply)
    }
  })
  app.setNotFoundHandler(async (_req, reply) => wrongMethod(reply))
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.statusCode === 413) return refuse(reply, 413, 'Refused: body too large.')
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)
      return refuse(reply, err.statusCode, `Refused: ${err.message}`)
    return failed(reply, err, log)
  })
}

/**
 * Fastify's answer for a URL its router cannot decode (`/assets/%zz`) skips every hook; this one
 * goes through the same gate as any request instead: Host first, then the files (401 or 404).
 */
export function unroutableAnswer(gate: PageGate, serve: Handler, log: (msg: string) => void): Handler {
  return async (req, reply) => {
    try {
      if (!gate.hostOk(req.headers.host)) return foreignHost(reply)
      if (req.method === 'GET' || req.method === 'HEAD') return await serve(req, reply)
      gate.urlOf(req.url)
      return wrongMethod(reply)
    } catch (err) {
      return failed(reply, err as Error, log)
    }
  }
}
